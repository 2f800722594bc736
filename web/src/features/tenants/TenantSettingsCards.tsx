import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { useOperatorTenantSettings } from '../../api/tenantSettings.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { ApplicationFieldsCard } from './ApplicationFieldsCard.js';
import { SupportPageCard } from './SupportPageCard.js';

/** OP-1: the tenant settings only the operator changes (operator admins edit, support agents read). */
export function TenantSettingsCards({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const settings = useOperatorTenantSettings(tenantId);
  const editable = session.current?.role === 'operator_admin';
  if (settings.isPending)
    return (
      <Card title={t('opSettings.fieldsTitle')}>
        <Loading />
      </Card>
    );
  if (settings.isError)
    return (
      <Card title={t('opSettings.fieldsTitle')}>
        <LoadError error={settings.error} onRetry={() => settings.refetch()} />
      </Card>
    );
  return (
    <>
      <ApplicationFieldsCard
        tenantId={tenantId}
        fields={settings.data.applicationFields}
        editable={editable}
      />
      <SupportPageCard
        tenantId={tenantId}
        manualsUrl={settings.data.manualsUrl}
        contactEmail={settings.data.contactEmail}
        editable={editable}
      />
    </>
  );
}
