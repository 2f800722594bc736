import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCustomer } from '../../api/customers.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CustomerBreadcrumb } from './CustomerBreadcrumb.js';
import { CustomerInfoTab } from './CustomerInfoTab.js';
import { CustomerUsersTab } from './CustomerUsersTab.js';

/**
 * CU-4 顧客詳細: tabs 顧客情報 and ユーザ管理 (?tab=users). The tabs of §7.4 whose data does not
 * exist yet (サービス利用申請情報, セキュリティサービス, contracts) are absent.
 */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const customer = useCustomer(customerId);
  const tab = search.get('tab') === 'users' ? 'users' : 'info';

  return (
    <>
      <CustomerBreadcrumb items={[{ label: t('customers.detailTitle') }]} />
      <PageTitle>{customer.data ? customer.data.name : t('customers.detailTitle')}</PageTitle>
      {customer.isPending && <Loading />}
      {customer.isError && <LoadError error={customer.error} onRetry={() => customer.refetch()} />}
      {customer.data && (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setSearch(key === 'users' ? { tab: 'users' } : {}, { replace: true })}
            items={[
              {
                key: 'info',
                label: t('customers.tab.info'),
                children: <CustomerInfoTab customer={customer.data} />,
              },
              {
                key: 'users',
                label: t('customers.tab.users'),
                children: <CustomerUsersTab customerId={customer.data.id} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
