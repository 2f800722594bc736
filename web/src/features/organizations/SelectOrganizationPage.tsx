import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSelectOrganization } from '../../api/session.js';
import type { Membership } from '../../api/types.js';
import { homePathFor } from '../../app/portalPath.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { PageTitle } from '../../components/PageTitle.js';
import { MembershipTable } from './MembershipTable.js';

/** PP-1: the user's tenants / organisations; choosing one opens its portal. */
export function SelectOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const select = useSelectOrganization();
  const [error, setError] = useState<string | null>(null);

  const choose = (membership: Membership) => {
    if (select.isPending) return;
    setError(null);
    select.mutate(membership.organizationId, {
      onSuccess: (session) => navigate(homePathFor(session)),
      onError: (failure) => setError(errorText(failure, t)),
    });
  };

  return (
    <PublicLayout wide>
      <Card>
        <PageTitle>{t('select.title')}</PageTitle>
        <Typography.Paragraph>{t('select.lead')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <MembershipTable onChoose={choose} choosing={select.isPending} />
      </Card>
    </PublicLayout>
  );
}
