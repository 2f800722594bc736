import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTenant } from '../../api/operatorTenants.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useDateTime } from '../../components/useDateTime.js';
import { MfaPolicyCard } from '../mfaPolicy/MfaPolicyCard.js';
import { PasswordPolicyCard } from '../passwordPolicy/PasswordPolicyCard.js';
import { InviteAdminCard } from './InviteAdminCard.js';
import { TenantInvitationsCard } from './TenantInvitationsCard.js';
import { TenantMembersCard } from './TenantMembersCard.js';
import { TenantSettingsCards } from './TenantSettingsCards.js';

/** A tenant: its ID and name, members, invitations, the admin invitation form and the operator's tenant settings. */
export function TenantDetailPage() {
  const { t } = useTranslation();
  const { tenantId = '' } = useParams();
  const tenant = useTenant(tenantId);
  const formatDateTime = useDateTime();

  return (
    <>
      <Link to="/operator/tenants">
        <ArrowLeftOutlined aria-hidden /> {t('tenants.backToList')}
      </Link>
      <div style={{ height: 12 }} />
      <PageTitle>
        {tenant.data ? `${t('tenants.detailTitle')}: ${tenant.data.code}` : t('tenants.detailTitle')}
      </PageTitle>
      {tenant.isPending && <Loading />}
      {tenant.isError && <LoadError error={tenant.error} onRetry={() => tenant.refetch()} />}
      {tenant.data && (
        <Flex vertical gap={16}>
          <Card title={t('tenants.basicInfo')}>
            <Descriptions column={1} bordered size="small" data-testid="tenant-info">
              <Descriptions.Item label={t('tenants.code')}>{tenant.data.code}</Descriptions.Item>
              <Descriptions.Item label={t('tenants.name')}>{tenant.data.name}</Descriptions.Item>
              <Descriptions.Item label={t('tenants.createdAt')}>
                {formatDateTime(tenant.data.createdAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <TenantMembersCard members={tenant.data.members} />
          <TenantInvitationsCard invitations={tenant.data.invitations} />
          <InviteAdminCard tenantId={tenant.data.id} />
          <TenantSettingsCards tenantId={tenant.data.id} />
          <PasswordPolicyCard organizationId={tenant.data.id} />
          <MfaPolicyCard organizationId={tenant.data.id} />
        </Flex>
      )}
    </>
  );
}
