import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { useTenantSettings } from '../../api/tenantSettings.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { TenantSettingsForm } from './TenantSettingsForm.js';

/** PP-4 テナント設定 (user menu): admins change it, members see it read-only. */
export function TenantSettingsPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const settings = useTenantSettings();
  const editable = isAdminRole(session.current?.role);
  return (
    <>
      <PageTitle>{t('tenantSettings.title')}</PageTitle>
      {!editable && (
        <Alert type="info" showIcon title={t('tenantSettings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {settings.isPending && <Loading />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => settings.refetch()} />}
      {settings.data && <TenantSettingsForm settings={settings.data} editable={editable} />}
    </>
  );
}
