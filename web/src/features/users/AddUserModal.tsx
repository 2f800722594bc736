import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { addUserBody } from '../../../../common/accounts.js';
import type { OrganizationKind } from '../../../../common/roles.js';
import { useCreateUser } from '../../api/users.js';
import { defaultTimeZone } from '../../components/dateTime.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';
import { rolesFor } from './roles.js';
import { UserFormFields } from './UserFormFields.js';
import { newUserValues, noMfaMethod } from './userChanges.js';

type Props = { open: boolean; organizationKind: OrganizationKind; onClose: () => void };

/** ユーザー追加 → confirm → the user is invited (activation mail, 7 days). */
export function AddUserModal({ open, organizationKind, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(addUserBody, { prepare: newUserValues });
  const create = useCreateUser();
  const error = useSubmitError(showServerErrors);

  const close = () => {
    form.resetFields();
    error.clear();
    onClose();
  };

  const submit = async () => {
    const values = parse(await form.validateFields());
    error.clear();
    confirm(t('users.addConfirm'), () =>
      create
        .mutateAsync(values)
        .then(() => {
          void message.success(t('users.added'));
          close();
        })
        .catch(error.fail),
    );
  };

  return (
    <Modal
      open={open}
      title={t('users.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
      forceRender
    >
      <FormError message={error.message} />
      <Form
        form={form}
        name="addUser"
        layout="vertical"
        initialValues={{
          locale: 'ja',
          timeZone: defaultTimeZone,
          role: rolesFor(organizationKind)[0],
          mfaMethod: noMfaMethod,
        }}
        onFinish={() => void submit().catch(() => undefined)}
      >
        <UserFormFields rule={rule} organizationKind={organizationKind} withEmail />
      </Form>
    </Modal>
  );
}
