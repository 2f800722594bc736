import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { userStatuses } from '../../../../common/accounts.js';
import type { OrganizationKind } from '../../../../common/roles.js';
import type { UserListItem } from '../../../../common/users.js';
import type { UserListParams } from '../../api/users.js';
import { AddUserModal } from './AddUserModal.js';
import { UserDrawer } from './UserDrawer.js';
import { UserTable } from './UserTable.js';
import { readUserListParams, writeUserListParams } from './userListParams.js';

/** Search, status filter, 「ユーザー追加」, the list and the detail drawer. */
export function UserListPanel({ organizationKind }: { organizationKind: OrganizationKind }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = readUserListParams(search);
  const [adding, setAdding] = useState(false);
  const [openRow, setOpenRow] = useState<UserListItem | null>(null);

  const update = (next: Partial<UserListParams>) =>
    setSearch(writeUserListParams({ ...params, ...next }, search));

  return (
    <>
      <Flex gap={16} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            key={params.q}
            defaultValue={params.q}
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            enterButton={t('common.search')}
            allowClear
            maxLength={100}
            onSearch={(value) => update({ q: value.trim(), page: 1 })}
            style={{ width: 360, maxWidth: '100%' }}
          />
          <Select
            aria-label={t('users.statusFilter')}
            value={params.status}
            onChange={(status) => update({ status, page: 1 })}
            style={{ width: 200 }}
            options={[
              { value: '', label: t('users.allStatuses') },
              ...userStatuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) })),
            ]}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('users.add')}
        </Button>
      </Flex>
      <UserTable params={params} onChange={update} onOpen={setOpenRow} />
      <AddUserModal open={adding} organizationKind={organizationKind} onClose={() => setAdding(false)} />
      <UserDrawer row={openRow} organizationKind={organizationKind} onClose={() => setOpenRow(null)} />
    </>
  );
}
