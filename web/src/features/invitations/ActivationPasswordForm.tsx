import { Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdentityCheckBody } from '../../../../common/accounts.js';
import type { AcceptedInvitation, InvitationInfo } from '../../../../common/invitations.js';
import { type PasswordResetBody, passwordResetBody } from '../../../../common/passwords.js';
import { useAcceptInvitation } from '../../api/invitations.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { NewPasswordFields } from '../../components/password/NewPasswordFields.js';

type Props = {
  token: string;
  invitation: InvitationInfo;
  identity: IdentityCheckBody;
  onBack: () => void;
  onDone: (result: AcceptedInvitation) => void;
};

/** ② パスワード設定: the verified identity is sent again with the new password. */
export function ActivationPasswordForm({ token, invitation, identity, onBack, onDone }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(passwordResetBody);
  const accept = useAcceptInvitation(token);
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: PasswordResetBody) => {
    error.clear();
    accept.mutate({ ...identity, ...parse(values) }, { onSuccess: onDone, onError: error.fail });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={accept.isPending}>
      <FormError message={error.message} />
      <NewPasswordFields
        rule={rule}
        policy={invitation.passwordPolicy}
        context={{ email: identity.email, name: identity.name }}
        variant="password"
      />
      <Flex gap={8}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" htmlType="submit" loading={accept.isPending}>
          {t('activation.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
