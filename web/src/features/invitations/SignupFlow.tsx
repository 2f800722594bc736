import { Button, Form, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SignupAcceptBody, signupAcceptBody } from '../../../../common/accounts.js';
import type { AcceptedInvitation, InvitationInfo } from '../../../../common/invitations.js';
import { useAcceptInvitation } from '../../api/invitations.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { SignupConfirm } from './SignupConfirm.js';
import { SignupFormFields } from './SignupFormFields.js';

type Props = { token: string; invitation: InvitationInfo; onDone: (result: AcceptedInvitation) => void };

/** 1. 設定情報 → 「次へ」 → 2. 確認 → 「登録」 (001 §2.2). */
export function SignupFlow({ token, invitation, onDone }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(signupAcceptBody);
  const accept = useAcceptInvitation(token);
  const [confirming, setConfirming] = useState<SignupAcceptBody | null>(null);
  const error = useSubmitError((failure) => {
    const onFields = showServerErrors(failure);
    if (onFields) setConfirming(null);
    return onFields;
  });

  const submit = () => {
    if (!confirming) return;
    error.clear();
    accept.mutate(confirming, { onSuccess: onDone, onError: error.fail });
  };

  return (
    <>
      <Steps
        size="small"
        current={confirming ? 1 : 0}
        items={[{ title: t('invitation.settings') }, { title: t('invitation.confirmStep') }]}
        style={{ marginBottom: 24 }}
      />
      <FormError message={error.message} />
      <div hidden={confirming !== null}>
        <Form<SignupAcceptBody>
          form={form}
          layout="vertical"
          onFinish={(values) => {
            error.clear();
            setConfirming(parse(values));
          }}
        >
          <SignupFormFields invitation={invitation} rule={rule} />
          <Button type="primary" htmlType="submit">
            {t('common.next')}
          </Button>
        </Form>
      </div>
      {confirming && (
        <SignupConfirm
          invitation={invitation}
          values={confirming}
          submitting={accept.isPending}
          onBack={() => setConfirming(null)}
          onSubmit={submit}
        />
      )}
    </>
  );
}
