import { Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { NoVerifiedAddressDialog } from '../tenantSettings/NoVerifiedAddressDialog.js';

/**
 * PP-2 (first step): who is working in which tenant, and a dialog while the tenant has no verified
 * notification address. Figures follow with customers and contracts.
 */
export function PartnerDashboardPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  if (!session.user || !session.current) return null;
  const { user, current } = session;
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Flex vertical gap={16}>
        <Card title={t('dashboard.welcome', { name: user.name || user.email })}>
          <Descriptions column={1} bordered size="small" title={t('dashboard.tenant')}>
            <Descriptions.Item label={t('dashboard.tenantCode')}>{current.code}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.tenantName')}>{current.name}</Descriptions.Item>
          </Descriptions>
          <div style={{ height: 16 }} />
          <Descriptions column={1} bordered size="small" title={t('dashboard.account')}>
            <Descriptions.Item label={t('dashboard.userName')}>{user.name}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.email')}>{user.email}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.role')}>{t(`role.${current.role}`)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
      <NoVerifiedAddressDialog />
    </>
  );
}
