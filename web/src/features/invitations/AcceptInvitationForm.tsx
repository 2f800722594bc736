import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.js';
import { type AcceptInvitationBody, acceptInvitationBody } from '../../../../common/schemas.js';
import { useAcceptInvitation } from '../../api/invitations.js';
import { errorText } from '../../components/errorText.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = { token: string; userExists: boolean; onDone: () => void };

/** Name and password twice → confirm → "認証情報の更新が完了しました。" */
export function AcceptInvitationForm({ token, userExists, onDone }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { form, rule, parse, showServerErrors } = useZodForm(acceptInvitationBody);
  const accept = useAcceptInvitation(token);
  const [error, setError] = useState<string | null>(null);

  const onFinish = (raw: AcceptInvitationBody) => {
    const values = parse(raw);
    setError(null);
    modal.confirm({
      title: t('invitation.confirm'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        accept
          .mutateAsync(values)
          .then(onDone)
          .catch((failure: unknown) => {
            if (!showServerErrors(failure)) setError(errorText(failure, t));
          }),
    });
  };

  return (
    <Form<AcceptInvitationBody> form={form} layout="vertical" onFinish={onFinish} disabled={accept.isPending}>
      {userExists && (
        <Alert type="info" title={t('invitation.userExists')} showIcon style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <Form.Item
        name="name"
        label={t('invitation.name')}
        extra={t('invitation.nameHelp')}
        rules={[rule('name')]}
        validateTrigger="onBlur"
        required
      >
        <Input autoComplete="name" count={{ show: true, max: limits.personName }} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('invitation.password')}
        extra={t('invitation.passwordHelp')}
        rules={[rule('password')]}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={t('invitation.passwordConfirm')}
        rules={[rule('passwordConfirm')]}
        dependencies={['password']}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={accept.isPending}>
        {t('invitation.submit')}
      </Button>
    </Form>
  );
}
