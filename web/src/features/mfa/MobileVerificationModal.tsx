import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mobileConfirmBody, mobileVerificationBody } from '../../../../common/mfa.js';
import { useConfirmMobile, useRequestMobileVerification } from '../../api/mfa.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { OneTimeCodeInput } from '../../components/secret/OneTimeCodeInput.js';
import { useReauthGuard } from './ReauthProvider.js';

type Props = { open: boolean; onClose: () => void };

/** `000 §12–§14`: the mobile number, then the code sent to it by SMS. */
export function MobileVerificationModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const guard = useReauthGuard();
  const numberForm = useZodForm(mobileVerificationBody);
  const codeForm = useZodForm(mobileConfirmBody);
  const request = useRequestMobileVerification();
  const confirmCode = useConfirmMobile();
  const numberError = useSubmitError(numberForm.showServerErrors);
  const codeError = useSubmitError(codeForm.showServerErrors);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const close = () => {
    numberForm.form.resetFields();
    codeForm.form.resetFields();
    numberError.clear();
    codeError.clear();
    setSentTo(null);
    onClose();
  };

  const send = (values: Record<string, unknown>) => {
    const { mobile } = numberForm.parse(values);
    numberError.clear();
    guard(() => request.mutateAsync(mobile))
      .then(() => setSentTo(mobile))
      .catch(numberError.fail);
  };

  const verify = (values: Record<string, unknown>) => {
    codeError.clear();
    confirmCode.mutate(codeForm.parse(values).code, {
      onSuccess: () => {
        void message.success(t('mfa.sms.verified'));
        close();
      },
      onError: codeError.fail,
    });
  };

  return (
    <Modal open={open} title={t('mfa.sms.title')} onCancel={close} footer={null} destroyOnHidden>
      {sentTo === null ? (
        <Form
          form={numberForm.form}
          name="mobileNumber"
          layout="vertical"
          onFinish={send}
          requiredMark={false}
        >
          <Typography.Paragraph>{t('mfa.sms.lead')}</Typography.Paragraph>
          <FormError message={numberError.message} />
          <Form.Item
            name="mobile"
            label={t('mfa.sms.number')}
            rules={[numberForm.rule('mobile')]}
            validateTrigger="onBlur"
          >
            <Input autoComplete="tel" inputMode="tel" style={{ maxWidth: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={request.isPending}>
            {t('mfa.sms.send')}
          </Button>
        </Form>
      ) : (
        <Form form={codeForm.form} name="mobileCode" layout="vertical" onFinish={verify} requiredMark={false}>
          <Typography.Paragraph>{t('mfa.sms.codeLead', { to: sentTo })}</Typography.Paragraph>
          <FormError message={codeError.message} />
          <Form.Item
            name="code"
            label={t('mfaLogin.code')}
            rules={[codeForm.rule('code')]}
            validateTrigger="onBlur"
          >
            <OneTimeCodeInput autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirmCode.isPending}>
            {t('mfa.sms.confirm')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
