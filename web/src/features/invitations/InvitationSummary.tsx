import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationInfo } from '../../../../common/invitations.js';
import { useDateTime } from '../../components/useDateTime.js';

/** Organisation ID and name, e-mail (sign-up links only) and link expiry of an invitation. */
export function InvitationSummary({ invitation }: { invitation: InvitationInfo }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const kind = invitation.organizationKind;
  return (
    <>
      <Typography.Paragraph>{t(`invitation.lead.${invitation.kind}`)}</Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        style={{ marginBottom: 24 }}
        data-testid="invitation-summary"
      >
        <Descriptions.Item label={t(`invitation.orgCode.${kind}`)}>
          {invitation.organizationCode}
        </Descriptions.Item>
        <Descriptions.Item label={t(`invitation.orgName.${kind}`)}>
          {invitation.organizationName}
        </Descriptions.Item>
        {invitation.email && (
          <Descriptions.Item label={t('invitation.email')}>{invitation.email}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('invitation.expiresAt')}>
          {formatDateTime(invitation.expiresAt)}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
