import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationStatus, TenantInvitation } from '../../../../common/tenants.js';
import { EmptyText } from '../../components/EmptyText.js';
import { useDateTime } from '../../components/useDateTime.js';
import { InvitationStatusBadge } from './InvitationStatusBadge.js';

export function TenantInvitationsCard({ invitations }: { invitations: TenantInvitation[] }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Card title={t('tenants.invitations')}>
      <Table<TenantInvitation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={invitations}
        locale={{ emptyText: <EmptyText>{t('tenants.invitationsEmpty')}</EmptyText> }}
        columns={[
          { key: 'email', title: t('tenants.email'), dataIndex: 'email' },
          {
            key: 'status',
            title: t('tenants.invitationStatus'),
            dataIndex: 'status',
            render: (status: InvitationStatus) => <InvitationStatusBadge status={status} />,
          },
          {
            key: 'expiresAt',
            title: t('tenants.expiresAt'),
            dataIndex: 'expiresAt',
            render: (value: string) => formatDateTime(value),
          },
          {
            key: 'createdAt',
            title: t('tenants.invitedAt'),
            dataIndex: 'createdAt',
            render: (value: string) => formatDateTime(value),
          },
        ]}
      />
    </Card>
  );
}
