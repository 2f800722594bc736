import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerUser } from '../../../../common/customer-users.js';
import { useCustomerUsers } from '../../api/customerUsers.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { customerUserStatusKey } from './customerUserValues.js';
import { SectionTitle } from './SectionTitle.js';

/** Solid colours with white text (WCAG AA contrast). */
const statusColors: Record<string, string> = { active: '#237804', invited: '#0958d9', expired: '#ad4e00' };

/** §7.4.4 ユーザ管理: the customer's portal login users, 作成, edit and delete. */
export function CustomerUsersTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const users = useCustomerUsers(customerId);
  const base = `/partner/customers/${encodeURIComponent(customerId)}/users`;
  if (users.isError) return <LoadError error={users.error} onRetry={() => users.refetch()} />;

  const columns: TableProps<CustomerUser>['columns'] = [
    {
      key: 'actions',
      title: t('common.actions'),
      width: 96,
      render: (_: unknown, user) => {
        const name = `${user.familyName} ${user.givenName}`;
        return (
          <Flex gap={4}>
            <Tooltip title={t('customers.edit')}>
              <Button
                type="text"
                size="small"
                aria-label={t('customerUsers.editAction', { name })}
                icon={<EditOutlined aria-hidden />}
                onClick={() => navigate(`${base}/${encodeURIComponent(user.id)}/edit`)}
              />
            </Tooltip>
            <Tooltip title={t('customers.delete')}>
              <Button
                type="text"
                size="small"
                danger
                aria-label={t('customerUsers.deleteAction', { name })}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => navigate(`${base}/${encodeURIComponent(user.id)}/delete`)}
              />
            </Tooltip>
          </Flex>
        );
      },
    },
    { key: 'code', title: t('customerUsers.code'), dataIndex: 'code' },
    {
      key: 'name',
      title: t('customerUsers.name'),
      render: (_: unknown, user) => `${user.familyName} ${user.givenName}`,
    },
    { key: 'email', title: t('customerUsers.email'), dataIndex: 'email' },
    {
      key: 'mobile',
      title: t('customerUsers.mobile'),
      dataIndex: 'mobile',
      render: (v: string | null) => v ?? '',
    },
    {
      key: 'status',
      title: t('customerUsers.status'),
      render: (_: unknown, user) => {
        const key = customerUserStatusKey(user);
        return <Tag color={statusColors[key] ?? '#595959'}>{t(`customerUsers.status.${key}`)}</Tag>;
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <SectionTitle>{t('customerUsers.listTitle')}</SectionTitle>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`${base}/new`)}>
          {t('customerUsers.create')}
        </Button>
      </Flex>
      <Table<CustomerUser>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('customerUsers.empty')}</EmptyText> }}
      />
    </Flex>
  );
}
