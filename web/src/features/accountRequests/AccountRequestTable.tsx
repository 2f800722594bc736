import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRequestView } from '../../../../common/certificates.js';
import { EmptyText } from '../../components/EmptyText.js';
import { useDateTime } from '../../components/useDateTime.js';
import { AccountRequestStatusTag } from './AccountRequestStatusTag.js';

type Props = {
  items: AccountRequestView[] | undefined;
  loading: boolean;
  /** The operator console shows the organisation and the actions. */
  withOrganization?: boolean;
  actions?: (request: AccountRequestView) => ReactNode;
};

/** Account procedures with kind, target, status (受付 / 対応中 / 完了), committed business days and dates. */
export function AccountRequestTable({ items, loading, withOrganization = false, actions }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const person = (p: { name: string | null; email: string }) =>
    p.name ? `${p.name}（${p.email}）` : p.email;
  return (
    <Table<AccountRequestView>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={items}
      data-testid="account-requests"
      scroll={{ x: true }}
      locale={{ emptyText: <EmptyText>{t('accountRequests.empty')}</EmptyText> }}
      columns={[
        {
          key: 'createdAt',
          title: t('accountRequests.createdAt'),
          dataIndex: 'createdAt',
          render: formatDateTime,
        },
        ...(withOrganization
          ? [{ key: 'organization', title: t('accountRequests.organization'), dataIndex: 'organizationName' }]
          : []),
        {
          key: 'kind',
          title: t('accountRequests.kind'),
          dataIndex: 'kind',
          render: (kind: string) => t(`accountRequests.kind.${kind}`),
        },
        {
          key: 'target',
          title: t('accountRequests.target'),
          render: (_: unknown, r) => person(r.targetUser),
        },
        {
          key: 'status',
          title: t('accountRequests.status'),
          dataIndex: 'status',
          render: (_: unknown, r) => <AccountRequestStatusTag status={r.status} />,
        },
        {
          key: 'businessDays',
          title: t('accountRequests.businessDays'),
          dataIndex: 'businessDays',
          render: (days: number) => t('accountRequests.withinDays', { count: days }),
        },
        {
          key: 'completedAt',
          title: t('accountRequests.completedAt'),
          dataIndex: 'completedAt',
          render: formatDateTime,
        },
        ...(actions
          ? [
              {
                key: 'action',
                title: t('common.actions'),
                render: (_: unknown, r: AccountRequestView) => actions(r),
              },
            ]
          : []),
      ]}
    />
  );
}
