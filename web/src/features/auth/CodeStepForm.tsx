import { Button, Flex, Form, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type MfaVerifyBody, mfaVerifyBody } from '../../../../common/mfa.js';
import { useVerifyLoginStep } from '../../api/mfa.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { OneTimeCodeInput } from '../../components/secret/OneTimeCodeInput.js';
import { isSentMethod } from './loginMethods.js';
import { ResendCodeButton } from './ResendCodeButton.js';

type Props = {
  method: MfaVerifyBody['method'];
  /** Where a mail or SMS code went (masked). */
  destination?: string;
  sent: boolean;
  onSent: () => void;
  onExpired: () => void;
};

/** The code of one method (app, mail, SMS, recovery), checked by the server; wrong codes count toward the lockout. */
export function CodeStepForm({ method, destination, sent, onSent, onExpired }: Props) {
  const { t } = useTranslation();
  const prepare = useCallback(
    (values: Record<string, unknown>) => ({ method, code: values.code ?? '' }),
    [method],
  );
  const { form, rule, parse, showServerErrors } = useZodForm(mfaVerifyBody, { prepare });
  const verify = useVerifyLoginStep();
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: Record<string, unknown>) => {
    error.clear();
    verify.mutate(parse(values), {
      onError: (failure) => {
        form.setFieldValue('code', '');
        if ((failure as { code?: string }).code === 'login_expired') onExpired();
        else error.fail(failure);
      },
    });
  };

  const recovery = method === 'recovery';
  return (
    <Form form={form} name={`mfa-${method}`} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Typography.Paragraph>{t(`mfaLogin.lead.${method}`, { to: destination ?? '' })}</Typography.Paragraph>
      <FormError message={error.message} />
      <Form.Item
        name="code"
        label={recovery ? t('mfaLogin.recoveryCode') : t('mfaLogin.code')}
        rules={[rule('code')]}
        validateTrigger="onBlur"
      >
        <OneTimeCodeInput kind={recovery ? 'recovery' : 'otp'} autoFocus />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={verify.isPending}>
          {t('mfaLogin.verify')}
        </Button>
        {isSentMethod(method) && <ResendCodeButton method={method} sent={sent} onSent={onSent} />}
      </Flex>
    </Form>
  );
}
