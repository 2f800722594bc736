import { App, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserGroup } from '../../../../common/users.js';
import { useSetGroupMembers } from '../../api/userGroups.js';
import { useUserList } from '../../api/users.js';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';
import { defaultUserListParams } from './userListParams.js';

type Props = { group: UserGroup | undefined; onClose: () => void };

const everyone = { ...defaultUserListParams, pageSize: 100 };

/** メンバー編集: the organisation's users, the group's members selected. */
export function GroupMembersModal({ group, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const users = useUserList(everyone);
  // Open invitations join their groups once accepted; only members can be chosen here.
  const members = (users.data?.items ?? []).flatMap((u) => (u.userId ? [{ ...u, userId: u.userId }] : []));
  const save = useSetGroupMembers(group?.id ?? '');
  const [selected, setSelected] = useState<string[]>([]);

  useEffect(() => {
    if (!group || !users.data) return;
    setSelected(
      users.data.items.flatMap((u) =>
        u.userId && u.groups.some((g) => g.id === group.id) ? [u.userId] : [],
      ),
    );
  }, [group, users.data]);

  const submit = () =>
    confirm(t('groups.membersConfirm'), () =>
      save
        .mutateAsync(selected)
        .then(() => {
          void message.success(t('groups.membersSaved'));
          onClose();
        })
        .catch((failure: unknown) => void message.error(errorText(failure, t))),
    );

  return (
    <Modal
      open={group !== undefined}
      title={t('groups.membersTitle', { name: group?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('groups.members')}>
          <Select<string[]>
            mode="multiple"
            value={selected}
            onChange={setSelected}
            loading={users.isPending}
            optionFilterProp="label"
            aria-label={t('groups.members')}
            options={members.map((u) => ({
              value: u.userId,
              label: `${u.name || u.email}（${u.email}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
