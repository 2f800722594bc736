import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { MfaPolicyCard } from '../mfaPolicy/MfaPolicyCard.js';
import { PasswordPolicyCard } from './PasswordPolicyCard.js';

/** The operator organisation's own password and MFA policies. */
export function OperatorPolicyPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  if (!session.current) return null;
  return (
    <>
      <PageTitle>{t('policy.operatorTitle')}</PageTitle>
      <Flex vertical gap={16}>
        <PasswordPolicyCard organizationId={session.current.organizationId} />
        <MfaPolicyCard organizationId={session.current.organizationId} />
      </Flex>
    </>
  );
}
