import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MfaRequiredView } from '../../../../common/mfa.js';
import { type LoginBody, loginBody } from '../../../../common/schemas.js';
import { useLogin } from '../../api/session.js';
import { errorText } from '../../components/errorText.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = {
  /** The password was right and a second factor is asked for. */
  onChallenge: (challenge: MfaRequiredView) => void;
  /** A message from an earlier attempt (the second step ran out). */
  notice?: string | null;
};

export function LoginForm({ onChallenge, notice = null }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(loginBody);
  const login = useLogin();
  const [error, setError] = useState<string | null>(notice);

  const onFinish = (values: LoginBody) => {
    setError(null);
    login.mutate(parse(values), {
      onSuccess: (result) => {
        if (result.status === 'mfa_required') onChallenge(result);
      },
      onError: (failure) => {
        form.setFieldValue('password', '');
        if (!showServerErrors(failure)) setError(errorText(failure, t));
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
      <Typography.Paragraph>{t('login.lead')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <Form.Item name="email" label={t('login.email')} rules={[rule('email')]} validateTrigger="onBlur">
        <Input type="email" autoComplete="username" inputMode="email" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[rule('password')]}
        validateTrigger="onBlur"
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
      <div style={{ marginTop: 16 }}>
        <Link to="/password-reset">{t('login.forgot')}</Link>
      </div>
    </Form>
  );
}
