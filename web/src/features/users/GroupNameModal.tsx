import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UserGroupBody, userGroupBody } from '../../../../common/accounts.js';
import { limits } from '../../../../common/limits.js';
import type { UserGroup } from '../../../../common/users.js';
import { useCreateUserGroup, useRenameUserGroup } from '../../api/userGroups.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

/** `group` undefined → create; else rename it. */
type Props = { open: boolean; group?: UserGroup; onClose: () => void };

export function GroupNameModal({ open, group, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(userGroupBody);
  const create = useCreateUserGroup();
  const rename = useRenameUserGroup(group?.id ?? '');
  const error = useSubmitError(showServerErrors);
  const mode = group ? 'rename' : 'create';

  const close = () => {
    form.resetFields();
    error.clear();
    onClose();
  };

  const submit = async () => {
    const values = parse(await form.validateFields());
    error.clear();
    const request = () => (group ? rename.mutateAsync(values) : create.mutateAsync(values));
    confirm(t(`groups.${mode}Confirm`), () =>
      request()
        .then(() => {
          void message.success(t(`groups.${mode}d`));
          close();
        })
        .catch(error.fail),
    );
  };

  return (
    <Modal
      open={open}
      title={t(`groups.${mode}Title`)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending || rename.isPending}
      destroyOnHidden
      forceRender
    >
      <FormError message={error.message} />
      <Form<UserGroupBody>
        form={form}
        name="groupName"
        layout="vertical"
        initialValues={{ name: group?.name ?? '' }}
        onFinish={() => void submit().catch(() => undefined)}
      >
        <Form.Item name="name" label={t('groups.name')} rules={[rule('name')]} required>
          <Input count={{ show: true, max: limits.groupName }} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
