import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Membership } from '../../../../common/session.js';
import type { CrossTenantHit } from '../../../../common/tenant-settings.js';
import { useLoadedSession, useSelectOrganization } from '../../api/session.js';
import { homePathFor } from '../../app/portalPath.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CrossTenantSearch } from './CrossTenantSearch.js';
import { MembershipTable } from './MembershipTable.js';

/**
 * PP-1: the user's tenants / organisations; choosing one opens its portal. Partner users also
 * search customers across their tenants; a company ID opens that customer in its tenant.
 */
export function SelectOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useLoadedSession();
  const select = useSelectOrganization();
  const [error, setError] = useState<string | null>(null);
  const partner = session.memberships?.some((m) => m.kind === 'partner') ?? false;
  const tenantsOnly = session.memberships?.every((m) => m.kind === 'partner') ?? false;

  const choose = (membership: Membership) => {
    if (select.isPending) return;
    setError(null);
    select.mutate(membership.organizationId, {
      onSuccess: (session) => navigate(homePathFor(session)),
      onError: (failure) => setError(errorText(failure, t)),
    });
  };

  const openCustomer = (hit: CrossTenantHit) => {
    if (select.isPending) return;
    setError(null);
    select.mutate(hit.tenantId, {
      onSuccess: () => navigate(`/partner/customers/${encodeURIComponent(hit.customerId)}`),
      onError: (failure) => setError(errorText(failure, t)),
    });
  };

  return (
    <PublicLayout wide>
      <Card>
        <PageTitle>{t('select.title')}</PageTitle>
        <Typography.Paragraph>{t('select.lead')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        {partner && <CrossTenantSearch onOpenCustomer={openCustomer} opening={select.isPending} />}
        {partner && (
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('tenantSearch.tenantList')}
          </Typography.Title>
        )}
        <MembershipTable onChoose={choose} choosing={select.isPending} tenantsOnly={tenantsOnly} />
      </Card>
    </PublicLayout>
  );
}
