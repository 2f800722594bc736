import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type IdentityCheckBody, identityCheckBody } from '../../../../common/accounts.js';
import { limits } from '../../../../common/limits.js';
import { useVerifyIdentity } from '../../api/invitations.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = { token: string; onVerified: (identity: IdentityCheckBody) => void };

/** ① 本人確認 (ID-7): メールアドレス, 氏名, 連絡先電話番号 as the administrator registered them. */
export function IdentityCheckForm({ token, onVerified }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(identityCheckBody);
  const verify = useVerifyIdentity(token);
  const error = useSubmitError(showServerErrors);

  const onFinish = (raw: IdentityCheckBody) => {
    const values = parse(raw);
    error.clear();
    verify.mutate(values, { onSuccess: () => onVerified(values), onError: error.fail });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={verify.isPending}>
      <Typography.Paragraph>{t('activation.identityLead')}</Typography.Paragraph>
      <FormError message={error.message} />
      <Form.Item
        name="email"
        label={t('activation.email')}
        rules={[rule('email')]}
        validateTrigger="onBlur"
        required
      >
        <Input type="email" autoComplete="email" inputMode="email" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('activation.name')}
        rules={[rule('name')]}
        validateTrigger="onBlur"
        required
      >
        <Input autoComplete="name" count={{ show: true, max: limits.fullName }} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('activation.phone')}
        rules={[rule('phone')]}
        validateTrigger="onBlur"
        required
      >
        <Input autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={verify.isPending}>
        {t('common.next')}
      </Button>
    </Form>
  );
}
