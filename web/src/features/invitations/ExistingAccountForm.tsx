import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExistingAccountAcceptBody, existingAccountAcceptBody } from '../../../../common/accounts.js';
import type { AcceptedInvitation } from '../../../../common/invitations.js';
import { useAcceptInvitation } from '../../api/invitations.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = { token: string; onDone: (result: AcceptedInvitation) => void };

/** The address already has an account: its password adds the membership. */
export function ExistingAccountForm({ token, onDone }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(existingAccountAcceptBody);
  const accept = useAcceptInvitation(token);
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: ExistingAccountAcceptBody) => {
    error.clear();
    accept.mutate(parse(values), { onSuccess: onDone, onError: error.fail });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={accept.isPending}>
      <Alert type="info" title={t('invitation.userExists')} showIcon style={{ marginBottom: 16 }} />
      <FormError message={error.message} />
      <Form.Item
        name="password"
        label={t('invitation.existingPassword')}
        rules={[rule('password')]}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={accept.isPending}>
        {t('invitation.register')}
      </Button>
    </Form>
  );
}
