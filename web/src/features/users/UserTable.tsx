import { Button, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserListItem, UserStatus } from '../../api/types.js';
import { type UserListParams, type UserSort, useUserList } from '../../api/users.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { fromAntdOrder, toAntdOrder } from '../../components/table/sortOrder.js';
import { UserStatusTag } from './UserStatusTag.js';

type Props = {
  params: UserListParams;
  onChange: (next: Partial<UserListParams>) => void;
  onOpen: (userId: string) => void;
};

const sortable: readonly UserSort[] = ['name', 'email', 'role', 'status'];

/** ユーザー一覧 (002): name, e-mail, role, phone, status; paged and sorted by the server. */
export function UserTable({ params, onChange, onOpen }: Props) {
  const { t } = useTranslation();
  const users = useUserList(params);
  if (users.isError) return <LoadError error={users.error} onRetry={() => users.refetch()} />;

  const sortOrderOf = (key: UserSort) => (params.sort === key ? toAntdOrder(params.order) : null);
  const sorted = (key: UserSort) => ({ key, sorter: true, sortOrder: sortOrderOf(key) });
  const columns: TableProps<UserListItem>['columns'] = [
    {
      ...sorted('name'),
      title: t('users.name'),
      dataIndex: 'name',
      render: (name: string, user) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(user.userId)}>
          {name || t('users.noName')}
        </Button>
      ),
    },
    { ...sorted('email'), title: t('users.email'), dataIndex: 'email' },
    {
      ...sorted('role'),
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: string) => t(`role.${role}`),
    },
    { key: 'phone', title: t('users.phone'), dataIndex: 'phone' },
    {
      key: 'groups',
      title: t('users.groups'),
      dataIndex: 'groups',
      render: (groups: UserListItem['groups']) => groups.map((g) => g.name).join('、'),
    },
    {
      ...sorted('status'),
      title: t('users.status'),
      dataIndex: 'status',
      render: (status: UserStatus) => <UserStatusTag status={status} />,
    },
  ];

  const handleChange: TableProps<UserListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = sortable.find((s) => s === single?.columnKey) ?? params.sort;
      onChange({ sort: key, order: fromAntdOrder(single?.order ?? 'ascend'), page: 1 });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize });
  };

  return (
    <Table<UserListItem>
      rowKey="userId"
      columns={columns}
      dataSource={users.data?.items}
      loading={users.isFetching}
      onChange={handleChange}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      locale={{ emptyText: <EmptyText>{t('users.empty')}</EmptyText> }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: users.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
      }}
    />
  );
}
