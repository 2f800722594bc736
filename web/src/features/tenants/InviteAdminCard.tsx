import { MailOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InviteTenantAdminBody, inviteTenantAdminBody } from '../../../../common/schemas.js';
import { useInviteTenantAdmin } from '../../api/operatorTenants.js';
import { errorText } from '../../components/errorText.js';
import { useZodForm } from '../../components/form/useZodForm.js';

/** 管理者を招待: e-mail → confirm → "招待メールを送信しました。" (ID-6, 7-day sign-up link). */
export function InviteAdminCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { form, rule, parse, showServerErrors } = useZodForm(inviteTenantAdminBody);
  const invite = useInviteTenantAdmin(tenantId);
  const [error, setError] = useState<string | null>(null);

  const onFinish = (raw: InviteTenantAdminBody) => {
    const values = parse(raw);
    setError(null);
    modal.confirm({
      title: t('tenants.inviteConfirm'),
      content: values.email,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        invite
          .mutateAsync(values)
          .then(() => {
            void message.success(t('tenants.invited'));
            form.resetFields();
          })
          .catch((failure: unknown) => {
            if (!showServerErrors(failure)) setError(errorText(failure, t));
          }),
    });
  };

  return (
    <Card title={t('tenants.invite')}>
      <Typography.Paragraph>{t('tenants.inviteHelp')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <Form<InviteTenantAdminBody>
        form={form}
        layout="inline"
        onFinish={onFinish}
        disabled={invite.isPending}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="email"
          label={t('tenants.email')}
          rules={[rule('email')]}
          validateTrigger="onBlur"
          required
        >
          <Input type="email" autoComplete="off" style={{ width: 360, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<MailOutlined />} loading={invite.isPending}>
            {t('tenants.inviteSubmit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
