import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserGroup } from '../../../../common/users.js';
import { useDeleteUserGroup, useUserGroups } from '../../api/userGroups.js';
import { EmptyText } from '../../components/EmptyText.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { useConfirm } from '../../components/useConfirm.js';
import { GroupMembersModal } from './GroupMembersModal.js';
import { GroupNameModal } from './GroupNameModal.js';

/** ユーザーグループ: create, rename, delete, members. */
export function UserGroupsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const groups = useUserGroups();
  const remove = useDeleteUserGroup();
  const [naming, setNaming] = useState<{ group?: UserGroup } | null>(null);
  const [members, setMembers] = useState<UserGroup | undefined>();

  if (groups.isError) return <LoadError error={groups.error} onRetry={() => groups.refetch()} />;

  const onDelete = (group: UserGroup) =>
    confirm(
      t('groups.deleteConfirm'),
      () =>
        remove
          .mutateAsync(group.id)
          .then(() => void message.success(t('groups.deleted')))
          .catch((failure: unknown) => void message.error(errorText(failure, t))),
      group.name,
    );

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setNaming({})}>
          {t('groups.create')}
        </Button>
      </Flex>
      <Table<UserGroup>
        data-testid="user-groups"
        rowKey="id"
        loading={groups.isPending}
        dataSource={groups.data?.items}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('groups.empty')}</EmptyText> }}
        columns={[
          { key: 'name', title: t('groups.name'), dataIndex: 'name' },
          { key: 'memberCount', title: t('groups.memberCount'), dataIndex: 'memberCount', align: 'right' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, group) => (
              <Flex gap={8} wrap>
                <Button size="small" onClick={() => setMembers(group)}>
                  {t('groups.editMembers')}
                </Button>
                <Button size="small" onClick={() => setNaming({ group })}>
                  {t('groups.rename')}
                </Button>
                <Button size="small" danger onClick={() => onDelete(group)}>
                  {t('common.delete')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <GroupNameModal
        key={naming?.group?.id ?? 'new'}
        open={naming !== null}
        group={naming?.group}
        onClose={() => setNaming(null)}
      />
      <GroupMembersModal group={members} onClose={() => setMembers(undefined)} />
    </>
  );
}
