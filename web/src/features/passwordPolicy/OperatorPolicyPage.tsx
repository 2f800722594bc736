import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { PasswordPolicyCard } from './PasswordPolicyCard.js';

/** The operator organisation's own password policy. */
export function OperatorPolicyPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  if (!session.current) return null;
  return (
    <>
      <PageTitle>{t('policy.operatorTitle')}</PageTitle>
      <PasswordPolicyCard organizationId={session.current.organizationId} />
    </>
  );
}
