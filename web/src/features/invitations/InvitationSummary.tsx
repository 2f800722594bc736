import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationInfo } from '../../api/types.js';
import { useDateTime } from '../../components/useDateTime.js';

/** Tenant ID, tenant name, e-mail and link expiry of an invitation. */
export function InvitationSummary({ invitation }: { invitation: InvitationInfo }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <>
      <Typography.Paragraph>{t('invitation.lead')}</Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        style={{ marginBottom: 24 }}
        data-testid="invitation-summary"
      >
        <Descriptions.Item label={t('invitation.tenantCode')}>
          {invitation.organizationCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('invitation.tenantName')}>
          {invitation.organizationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('invitation.email')}>{invitation.email}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.expiresAt')}>
          {formatDateTime(invitation.expiresAt)}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
