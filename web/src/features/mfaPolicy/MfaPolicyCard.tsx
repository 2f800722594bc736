import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMfaPolicy } from '../../api/mfa.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { MfaPolicyForm } from './MfaPolicyForm.js';

/** 「二要素認証ポリシー」 of one organisation (a tenant, a customer, or the operator itself). */
export function MfaPolicyCard({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const policy = useMfaPolicy(organizationId);
  return (
    <Card title={t('mfaPolicy.title')} data-testid="mfa-policy">
      {policy.isPending && <Loading />}
      {policy.isError && <LoadError error={policy.error} onRetry={() => policy.refetch()} />}
      {policy.data && <MfaPolicyForm organizationId={organizationId} policy={policy.data} />}
    </Card>
  );
}
