import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passkeyNameMax } from '../../../../common/passkeys.js';
import { requiredText } from '../../../../common/schemas.js';
import { ApiError } from '../../api/client.js';
import { usePasskeyRegistrationOptions, useRegisterPasskey } from '../../api/passkeys.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { ReauthCancelled, useReauthGuard } from '../mfa/ReauthProvider.js';
import { createPasskey, webAuthnSupported } from './webauthn.js';

const nameForm = z.object({ name: requiredText(passkeyNameMax) });

type Props = { open: boolean; onClose: () => void };

/** Names the new passkey, then the browser creates it on the authenticator and the server stores it. */
export function RegisterPasskeyModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const guard = useReauthGuard();
  const { form, rule, parse, showServerErrors } = useZodForm(nameForm);
  const options = usePasskeyRegistrationOptions();
  const register = useRegisterPasskey();
  const error = useSubmitError(showServerErrors);

  const close = () => {
    form.resetFields();
    error.clear();
    onClose();
  };

  const submit = async () => {
    const { name } = parse(await form.validateFields());
    error.clear();
    try {
      const answer = await guard(() => options.mutateAsync());
      const response = await createPasskey(answer);
      await register.mutateAsync({ name, response });
      void message.success(t('passkeys.registered'));
      close();
    } catch (failure) {
      if (failure instanceof ReauthCancelled) return;
      if (failure instanceof ApiError) error.fail(failure);
      else void message.error(t('passkeys.browserFailed'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('passkeys.registerTitle')}
      okText={t('passkeys.register')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      okButtonProps={{ disabled: !webAuthnSupported() }}
      confirmLoading={options.isPending || register.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('passkeys.registerLead')}</Typography.Paragraph>
      {!webAuthnSupported() && <FormError message={t('passkeys.unsupported')} />}
      <FormError message={error.message ?? null} />
      <Form
        form={form}
        name="passkey"
        layout="vertical"
        onFinish={() => void submit().catch(() => undefined)}
      >
        <Form.Item
          name="name"
          label={t('passkeys.name')}
          rules={[rule('name')]}
          validateTrigger="onBlur"
          required
        >
          <Input count={{ show: true, max: passkeyNameMax }} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
