import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, type TableProps, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerListItem, CustomerStatus } from '../../../../common/customers.js';
import { type CustomerListParams, type CustomerSort, useCustomerList } from '../../api/customers.js';
import { LoadError } from '../../components/LoadError.js';
import { ServerTable, serverSorted } from '../../components/table/ServerTable.js';
import { CustomerStatusTag } from './CustomerStatusTag.js';
import { formatYen } from './format.js';
import { useDeleteCustomerAction } from './useDeleteCustomerAction.js';

type Props = { params: CustomerListParams; onChange: (next: Partial<CustomerListParams>) => void };

const sortable: readonly CustomerSort[] = ['code', 'name', 'balance', 'lastBilledOn', 'status'];

/** CU-1 一覧: edit / delete icons, 会社ID (→ 顧客詳細), 会社名, 残高, 最終請求日, ステータス. */
export function CustomerTable({ params, onChange }: Props) {
  const { t } = useTranslation();
  const customers = useCustomerList(params);
  const deleteCustomer = useDeleteCustomerAction();
  const navigate = useNavigate();
  if (customers.isError) return <LoadError error={customers.error} onRetry={() => customers.refetch()} />;

  const path = (customer: CustomerListItem) => `/partner/customers/${encodeURIComponent(customer.id)}`;
  const columns: TableProps<CustomerListItem>['columns'] = [
    {
      key: 'actions',
      title: t('common.actions'),
      width: 96,
      render: (_: unknown, customer) => {
        const editLabel = t('customers.editAction', { name: customer.name });
        const deleteLabel = t('customers.deleteAction', { name: customer.name });
        return (
          <Flex gap={4}>
            <Tooltip title={t('customers.edit')}>
              <Button
                type="text"
                size="small"
                aria-label={editLabel}
                icon={<EditOutlined aria-hidden />}
                onClick={() => navigate(`${path(customer)}/edit`)}
              />
            </Tooltip>
            <Tooltip title={t('customers.delete')}>
              <Button
                type="text"
                size="small"
                danger
                aria-label={deleteLabel}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => deleteCustomer(customer.id)}
              />
            </Tooltip>
          </Flex>
        );
      },
    },
    {
      ...serverSorted(params, 'code'),
      title: t('customers.code'),
      dataIndex: 'code',
      render: (code: string, customer) => <Link to={path(customer)}>{code}</Link>,
    },
    { ...serverSorted(params, 'name'), title: t('customers.name'), dataIndex: 'name' },
    {
      ...serverSorted(params, 'balance'),
      title: t('customers.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (balance: number) => formatYen(balance),
    },
    {
      ...serverSorted(params, 'lastBilledOn'),
      title: t('customers.lastBilledOn'),
      dataIndex: 'lastBilledOn',
      render: (value: string | null) => value ?? '',
    },
    {
      ...serverSorted(params, 'status'),
      title: t('customers.status'),
      dataIndex: 'status',
      render: (status: CustomerStatus) => <CustomerStatusTag status={status} />,
    },
  ];

  return (
    <ServerTable<CustomerListItem, CustomerSort>
      rowKey="id"
      columns={columns}
      data={customers.data}
      loading={customers.isFetching}
      params={params}
      sortable={sortable}
      onChange={onChange}
      emptyText={t('customers.empty')}
    />
  );
}
