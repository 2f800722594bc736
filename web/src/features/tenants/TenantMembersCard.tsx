import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenantMember } from '../../../../common/tenants.js';
import { EmptyText } from '../../components/EmptyText.js';

export function TenantMembersCard({ members }: { members: TenantMember[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('tenants.members')}>
      <Table<TenantMember>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: <EmptyText>{t('tenants.membersEmpty')}</EmptyText> }}
        columns={[
          { key: 'name', title: t('tenants.userName'), dataIndex: 'name' },
          { key: 'email', title: t('tenants.email'), dataIndex: 'email' },
          {
            key: 'role',
            title: t('tenants.role'),
            dataIndex: 'role',
            render: (role: string) => t(`role.${role}`),
          },
        ]}
      />
    </Card>
  );
}
