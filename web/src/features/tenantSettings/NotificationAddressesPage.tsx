import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { useNotificationAddresses } from '../../api/tenantSettings.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { NotificationAddressesForm } from './NotificationAddressesForm.js';

/** PP-6 メールアドレス設定 (user menu): the tenant's notification addresses, changed by its admins. */
export function NotificationAddressesPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const addresses = useNotificationAddresses();
  const editable = isAdminRole(session.current?.role);
  return (
    <>
      <PageTitle>{t('notificationAddresses.title')}</PageTitle>
      {!editable && (
        <Alert
          type="info"
          showIcon
          title={t('notificationAddresses.readOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card title={t('notificationAddresses.heading')} style={{ maxWidth: 720 }}>
        <Typography.Paragraph>{t('notificationAddresses.mails')}</Typography.Paragraph>
        {addresses.isPending && <Loading />}
        {addresses.isError && <LoadError error={addresses.error} onRetry={() => addresses.refetch()} />}
        {addresses.data && (
          <NotificationAddressesForm stored={addresses.data.addresses} editable={editable} />
        )}
      </Card>
    </>
  );
}
