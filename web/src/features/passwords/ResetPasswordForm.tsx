import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type PasswordResetBody,
  type PasswordResetInfo,
  passwordResetBody,
} from '../../../../common/passwords.js';
import { useResetPassword } from '../../api/passwords.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { NewPasswordFields } from '../../components/password/NewPasswordFields.js';

type Props = { token: string; info: PasswordResetInfo; onDone: () => void };

export function ResetPasswordForm({ token, info, onDone }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(passwordResetBody);
  const reset = useResetPassword(token);
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: PasswordResetBody) => {
    error.clear();
    reset.mutate(parse(values), { onSuccess: onDone, onError: error.fail });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={reset.isPending}>
      <FormError message={error.message} />
      <NewPasswordFields rule={rule} policy={info.passwordPolicy} context={{ email: info.email }} />
      <Button type="primary" htmlType="submit" loading={reset.isPending}>
        {t('reset.submit')}
      </Button>
    </Form>
  );
}
