import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TenantListItem } from '../../../../common/tenants.js';
import { type TenantListParams, type TenantSort, useTenantList } from '../../api/operatorTenants.js';
import { LoadError } from '../../components/LoadError.js';
import { ServerTable, serverSorted } from '../../components/table/ServerTable.js';
import { useDateTime } from '../../components/useDateTime.js';

type Props = { params: TenantListParams; onChange: (next: Partial<TenantListParams>) => void };

const sortable: readonly TenantSort[] = ['code', 'name', 'createdAt'];

export function TenantTable({ params, onChange }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const tenants = useTenantList(params);

  if (tenants.isError) return <LoadError error={tenants.error} onRetry={() => tenants.refetch()} />;

  const detailLink = (text: string, tenant: TenantListItem) => (
    <Link to={`/operator/tenants/${encodeURIComponent(tenant.id)}`}>{text}</Link>
  );
  const columns: TableProps<TenantListItem>['columns'] = [
    {
      ...serverSorted(params, 'code'),
      title: t('tenants.code'),
      dataIndex: 'code',
      render: detailLink,
    },
    {
      ...serverSorted(params, 'name'),
      title: t('tenants.name'),
      dataIndex: 'name',
      render: detailLink,
    },
    {
      ...serverSorted(params, 'createdAt'),
      title: t('tenants.createdAt'),
      dataIndex: 'createdAt',
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

  return (
    <ServerTable<TenantListItem, TenantSort>
      rowKey="id"
      columns={columns}
      data={tenants.data}
      loading={tenants.isFetching}
      params={params}
      sortable={sortable}
      onChange={onChange}
      emptyText={t('tenants.empty')}
    />
  );
}
