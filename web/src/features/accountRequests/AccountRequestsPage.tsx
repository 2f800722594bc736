import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdminRole } from '../../../../common/roles.js';
import { useAccountRequests } from '../../api/accountRequests.js';
import { useLoadedSession } from '../../api/session.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { NotFoundContent } from '../errors/NotFoundPage.js';
import { AccountRequestForm } from './AccountRequestForm.js';
import { AccountRequestTable } from './AccountRequestTable.js';

/** アカウント手続き (ID-16) of a customer organisation's admin: request, and follow the requests. */
export function AccountRequestsPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const requests = useAccountRequests();
  if (session.current?.kind !== 'customer' || !isAdminRole(session.current.role)) return <NotFoundContent />;
  return (
    <>
      <PageTitle>{t('accountRequests.title')}</PageTitle>
      <Flex vertical gap={16}>
        <Card title={t('accountRequests.newTitle')}>
          <AccountRequestForm />
        </Card>
        <Card title={t('accountRequests.listTitle')}>
          {requests.isError ? (
            <LoadError error={requests.error} onRetry={() => requests.refetch()} />
          ) : (
            <AccountRequestTable items={requests.data?.items} loading={requests.isPending} />
          )}
        </Card>
      </Flex>
    </>
  );
}
