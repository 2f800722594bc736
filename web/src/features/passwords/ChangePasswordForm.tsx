import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type ChangePasswordBody,
  changePasswordBody,
  type MyPasswordPolicy,
} from '../../../../common/passwords.js';
import type { SessionUser } from '../../../../common/session.js';
import { useChangePassword } from '../../api/passwords.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { NewPasswordFields } from '../../components/password/NewPasswordFields.js';

type Props = { user: SessionUser; policy: MyPasswordPolicy; onDone: () => void };

/** ID-11: current + new + confirm; history and policy are enforced by the server too. */
export function ChangePasswordForm({ user, policy, onDone }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(changePasswordBody);
  const change = useChangePassword();
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: ChangePasswordBody) => {
    error.clear();
    change.mutate(parse(values), {
      onSuccess: () => {
        form.resetFields();
        onDone();
      },
      onError: error.fail,
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending}>
      <FormError message={error.message} />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[rule('currentPassword')]}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields
        rule={rule}
        policy={policy.passwordPolicy}
        context={{ email: user.email, name: user.name, hasMfa: policy.hasMfa }}
      />
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.changeSubmit')}
      </Button>
    </Form>
  );
}
