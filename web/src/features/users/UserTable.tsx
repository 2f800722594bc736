import { Button, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../../../common/accounts.js';
import type { UserListItem } from '../../../../common/users.js';
import { type UserListParams, type UserSort, useUserList } from '../../api/users.js';
import { LoadError } from '../../components/LoadError.js';
import { ServerTable, serverSorted } from '../../components/table/ServerTable.js';
import { UserStatusTag } from './UserStatusTag.js';

type Props = {
  params: UserListParams;
  onChange: (next: Partial<UserListParams>) => void;
  onOpen: (row: UserListItem) => void;
};

const sortable: readonly UserSort[] = ['name', 'email', 'role', 'status'];

/** ユーザー一覧 (002): name, e-mail, role, phone, status; paged and sorted by the server. */
export function UserTable({ params, onChange, onOpen }: Props) {
  const { t } = useTranslation();
  const users = useUserList(params);
  if (users.isError) return <LoadError error={users.error} onRetry={() => users.refetch()} />;

  const sorted = (key: UserSort) => serverSorted(params, key);
  const columns: TableProps<UserListItem>['columns'] = [
    {
      ...sorted('name'),
      title: t('users.name'),
      dataIndex: 'name',
      render: (name: string, user) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(user)}>
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

  return (
    <ServerTable<UserListItem, UserSort>
      rowKey="memberId"
      columns={columns}
      data={users.data}
      loading={users.isFetching}
      params={params}
      sortable={sortable}
      onChange={onChange}
      emptyText={t('users.empty')}
    />
  );
}
