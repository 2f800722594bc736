import { Button, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from '../../../../common/schemas.js';
import type { Membership } from '../../../../common/session.js';
import { type MembershipSort, useMemberships } from '../../api/memberships.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { fromAntdOrder, toAntdOrder } from '../../components/table/sortOrder.js';

type Props = {
  onChoose: (membership: Membership) => void;
  choosing: boolean;
  /** Only partner tenants: the manual's テナントID / テナント名 headers (PP-1, `001 §4.2`). */
  tenantsOnly?: boolean;
};

/** Memberships sorted by the server; clicking the ID or name column header toggles asc/desc. */
export function MembershipTable({ onChoose, choosing, tenantsOnly = false }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<MembershipSort>('code');
  const [order, setOrder] = useState<SortOrder>('asc');
  const memberships = useMemberships(sort, order);

  if (memberships.isError)
    return <LoadError error={memberships.error} onRetry={() => memberships.refetch()} />;

  const sortOrderOf = (key: MembershipSort) => (sort === key ? toAntdOrder(order) : null);
  const columns: TableProps<Membership>['columns'] = [
    {
      key: 'kind',
      title: t('select.kind'),
      dataIndex: 'kind',
      render: (kind: Membership['kind']) => t(`kind.${kind}`),
    },
    {
      key: 'code',
      title: tenantsOnly ? t('tenantSearch.tenantCode') : t('select.code'),
      dataIndex: 'code',
      sorter: true,
      sortOrder: sortOrderOf('code'),
      render: (code: string, membership) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            onChoose(membership);
          }}
        >
          {code}
        </Button>
      ),
    },
    {
      key: 'name',
      title: tenantsOnly ? t('tenantSearch.tenantName') : t('select.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
    },
    { key: 'role', title: t('select.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
  ];

  const onChange: TableProps<Membership>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey === 'name' ? 'name' : 'code';
    setOrder(key === sort ? (order === 'asc' ? 'desc' : 'asc') : fromAntdOrder(single?.order ?? 'ascend'));
    setSort(key);
  };

  return (
    <Table<Membership>
      rowKey="organizationId"
      columns={columns}
      dataSource={memberships.data?.items}
      loading={memberships.isFetching || choosing}
      pagination={false}
      onChange={onChange}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      locale={{ emptyText: <EmptyText>{t('select.empty')}</EmptyText> }}
      onRow={(membership) => ({ onClick: () => onChoose(membership), style: { cursor: 'pointer' } })}
    />
  );
}
