import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TenantListParams, type TenantSort, useTenantList } from '../../api/operatorTenants.js';
import type { TenantListItem } from '../../api/types.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { fromAntdOrder, toAntdOrder } from '../../components/table/sortOrder.js';
import { useDateTime } from '../../components/useDateTime.js';

type Props = { params: TenantListParams; onChange: (next: Partial<TenantListParams>) => void };

const sortable: readonly TenantSort[] = ['code', 'name', 'createdAt'];

export function TenantTable({ params, onChange }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const tenants = useTenantList(params);

  if (tenants.isError) return <LoadError error={tenants.error} onRetry={() => tenants.refetch()} />;

  const sortOrderOf = (key: TenantSort) => (params.sort === key ? toAntdOrder(params.order) : null);
  const detailLink = (text: string, tenant: TenantListItem) => (
    <Link to={`/operator/tenants/${encodeURIComponent(tenant.id)}`}>{text}</Link>
  );
  const columns: TableProps<TenantListItem>['columns'] = [
    {
      key: 'code',
      title: t('tenants.code'),
      dataIndex: 'code',
      sorter: true,
      sortOrder: sortOrderOf('code'),
      render: detailLink,
    },
    {
      key: 'name',
      title: t('tenants.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: detailLink,
    },
    {
      key: 'createdAt',
      title: t('tenants.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (value: string) => formatDateTime(value),
    },
    { key: 'memberCount', title: t('tenants.memberCount'), dataIndex: 'memberCount', align: 'right' },
    {
      key: 'pendingInvitationCount',
      title: t('tenants.pendingInvitationCount'),
      dataIndex: 'pendingInvitationCount',
      align: 'right',
    },
  ];

  const handleChange: TableProps<TenantListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = sortable.find((s) => s === single?.columnKey) ?? params.sort;
      onChange({ sort: key, order: fromAntdOrder(single?.order ?? 'ascend'), page: 1 });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize });
  };

  return (
    <Table<TenantListItem>
      rowKey="id"
      columns={columns}
      dataSource={tenants.data?.items}
      loading={tenants.isFetching}
      onChange={handleChange}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      locale={{ emptyText: <EmptyText>{t('tenants.empty')}</EmptyText> }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: tenants.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
      }}
    />
  );
}
