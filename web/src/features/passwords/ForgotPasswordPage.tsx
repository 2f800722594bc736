import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PasswordResetRequestBody, passwordResetRequestBody } from '../../../../common/passwords.js';
import { useRequestPasswordReset } from '../../api/passwords.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { PageTitle } from '../../components/PageTitle.js';

/** ID-10 「パスワードをお忘れの方」: the same answer whether or not the address is registered. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(passwordResetRequestBody);
  const request = useRequestPasswordReset();
  const error = useSubmitError(showServerErrors);
  const [sent, setSent] = useState(false);

  const onFinish = (values: PasswordResetRequestBody) => {
    error.clear();
    request.mutate(parse(values), { onSuccess: () => setSent(true), onError: error.fail });
  };

  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('forgot.title')}</PageTitle>
        {sent ? (
          <Result
            status="success"
            title={<span role="status">{t('forgot.sent')}</span>}
            subTitle={t('forgot.sentHelp')}
            extra={<Link to="/login">{t('common.toLogin')}</Link>}
          />
        ) : (
          <Form form={form} layout="vertical" onFinish={onFinish} disabled={request.isPending}>
            <Typography.Paragraph>{t('forgot.lead')}</Typography.Paragraph>
            <FormError message={error.message} />
            <Form.Item name="email" label={t('login.email')} rules={[rule('email')]} validateTrigger="onBlur">
              <Input type="email" autoComplete="username" inputMode="email" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
            <div style={{ marginTop: 16 }}>
              <Link to="/login">{t('common.toLogin')}</Link>
            </div>
          </Form>
        )}
      </Card>
    </PublicLayout>
  );
}
