import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { SupportIdCard } from '../accountRequests/SupportIdCard.js';
import { NotFoundContent } from '../errors/NotFoundPage.js';
import { MfaPolicyCard } from './MfaPolicyCard.js';

/** 組織設定 of a partner or customer organisation, for its admins: the MFA policy (and the support ID). */
export function OrganizationSettingsPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const current = session.current;
  if (!current || !isAdminRole(current.role)) return <NotFoundContent />;
  return (
    <>
      <PageTitle>{t('orgSettings.title')}</PageTitle>
      <Flex vertical gap={16}>
        {current.kind === 'customer' && <SupportIdCard />}
        <MfaPolicyCard organizationId={current.organizationId} />
      </Flex>
    </>
  );
}
