import { App, Button, Form } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUserBody } from '../../../../common/accounts.js';
import type { OrganizationKind } from '../../../../common/roles.js';
import type { UserDetail } from '../../../../common/users.js';
import { useUpdateUser } from '../../api/users.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';
import { ReauthCancelled, useReauthGuard } from '../mfa/ReauthProvider.js';
import { UserFormFields } from './UserFormFields.js';
import { changedFields, editValuesOf } from './userChanges.js';

type Props = { user: UserDetail; isSelf: boolean; organizationKind: OrganizationKind };

/**
 * Edits a member; only changed fields are sent (so an admin's unchanged own role is not
 * "changed"). The account's fields show only where this organisation manages the account and it
 * is not the admin's own; a role change asks for the password again.
 */
export function EditUserForm({ user, isSelf, organizationKind }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const prepare = useCallback((values: Record<string, unknown>) => changedFields(user, values), [user]);
  const { form, rule, parse, showServerErrors } = useZodForm(updateUserBody, { prepare });
  const update = useUpdateUser(user.userId);
  const guard = useReauthGuard();
  const error = useSubmitError(showServerErrors);

  const onFinish = (raw: Record<string, unknown>) => {
    if (Object.keys(prepare(raw)).length === 0) {
      void message.info(t('users.noChanges'));
      return;
    }
    const values = parse(raw);
    error.clear();
    // The confirmation closes at once: a role change may still ask for the password.
    confirm(t('users.saveConfirm'), () => {
      void guard(() => update.mutateAsync(values))
        .then(() => void message.success(t('users.saved')))
        .catch((failure: unknown) => {
          if (!(failure instanceof ReauthCancelled)) error.fail(failure);
        });
      return undefined;
    });
  };

  return (
    <Form
      form={form}
      name="editUser"
      layout="vertical"
      initialValues={editValuesOf(user)}
      onFinish={onFinish}
      disabled={update.isPending}
    >
      <FormError message={error.message} />
      <UserFormFields
        rule={rule}
        organizationKind={organizationKind}
        withEmail={false}
        withAccount={user.accountManaged && !isSelf}
        roleFixed={isSelf}
      />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
