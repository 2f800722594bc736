import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganizationPasswordPolicy } from '../../api/passwordPolicy.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PasswordPolicyForm } from './PasswordPolicyForm.js';

/** 「パスワードポリシー」 of one organisation (a tenant, a customer, or the operator itself). */
export function PasswordPolicyCard({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const policy = useOrganizationPasswordPolicy(organizationId);
  return (
    <Card title={t('policy.title')} data-testid="password-policy">
      {policy.isPending && <Loading />}
      {policy.isError && <LoadError error={policy.error} onRetry={() => policy.refetch()} />}
      {policy.data && <PasswordPolicyForm organizationId={organizationId} policy={policy.data} />}
    </Card>
  );
}
