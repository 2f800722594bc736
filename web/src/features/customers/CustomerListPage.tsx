import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CustomerListParams } from '../../api/customers.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CustomerBreadcrumb } from './CustomerBreadcrumb.js';
import { CustomerSearchBar } from './CustomerSearchBar.js';
import { CustomerTable } from './CustomerTable.js';
import { readCustomerListParams, writeCustomerListParams } from './customerListParams.js';

/** CU-1 顧客管理: 作成, 検索条件 and the list, paged, sorted and filtered by the server. */
export function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = readCustomerListParams(search);
  const update = (next: Partial<CustomerListParams>) =>
    setSearch(writeCustomerListParams({ ...params, ...next }));
  const { page: _page, pageSize: _size, sort: _sort, order: _order, ...conditions } = params;

  return (
    <>
      <CustomerBreadcrumb items={[]} />
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <PageTitle>{t('customers.title')}</PageTitle>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate('/partner/customers/new')}
        >
          {t('customers.create')}
        </Button>
      </Flex>
      <Card>
        <CustomerSearchBar
          key={JSON.stringify(conditions)}
          applied={conditions}
          onSearch={(next) => update({ ...next, page: 1 })}
        />
        <CustomerTable params={params} onChange={update} />
      </Card>
    </>
  );
}
