import { Button, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConfirmCodeBody, type TotpSetup, totpConfirmBody } from '../../../../common/mfa.js';
import { useMfaRefresh, useTotpConfirm } from '../../api/mfa.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { OneTimeCodeInput } from '../../components/secret/OneTimeCodeInput.js';
import { RecoveryCodes } from '../../components/secret/RecoveryCodes.js';

type Props = { setup: TotpSetup | null; onClose: () => void };

/**
 * Pairing an authenticator app: the QR code of the otpauth:// URI and the secret as text; the
 * pairing completes with a valid code, then the ten recovery codes are shown once.
 */
export function TotpSetupModal({ setup, onClose }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(totpConfirmBody);
  const confirmCode = useTotpConfirm();
  const refresh = useMfaRefresh();
  const error = useSubmitError(showServerErrors);
  const [codes, setCodes] = useState<string[] | null>(null);

  const close = () => {
    form.resetFields();
    error.clear();
    setCodes(null);
    if (codes) void refresh();
    onClose();
  };

  const onFinish = (values: ConfirmCodeBody) => {
    error.clear();
    confirmCode.mutate(parse(values).code, {
      onSuccess: ({ recoveryCodes }) => setCodes(recoveryCodes),
      onError: (failure) => {
        form.setFieldValue('code', '');
        error.fail(failure);
      },
    });
  };

  return (
    <Modal
      open={setup !== null}
      title={codes ? t('mfa.recovery.title') : t('mfa.totp.setupTitle')}
      onCancel={close}
      footer={
        codes ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : null
      }
      width={560}
      destroyOnHidden
      maskClosable={false}
    >
      {codes ? (
        <>
          <Typography.Paragraph>{t('mfa.totp.done')}</Typography.Paragraph>
          <RecoveryCodes codes={codes} />
        </>
      ) : (
        setup && (
          <>
            <Typography.Paragraph>{t('mfa.totp.step1')}</Typography.Paragraph>
            <Flex gap={16} align="center" wrap>
              <img src={setup.qrDataUrl} alt={t('mfa.totp.qrAlt')} className="mg-qr" data-testid="totp-qr" />
              <div>
                <Typography.Paragraph>{t('mfa.totp.secretLead')}</Typography.Paragraph>
                <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
                  {setup.secret}
                </Typography.Text>
              </div>
            </Flex>
            <Typography.Paragraph style={{ marginTop: 16 }}>{t('mfa.totp.step2')}</Typography.Paragraph>
            <FormError message={error.message} />
            <Form form={form} name="totpConfirm" layout="vertical" onFinish={onFinish} requiredMark={false}>
              <Form.Item
                name="code"
                label={t('mfaLogin.code')}
                rules={[rule('code')]}
                validateTrigger="onBlur"
              >
                <OneTimeCodeInput />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirmCode.isPending}>
                {t('mfa.totp.confirm')}
              </Button>
            </Form>
          </>
        )
      )}
    </Modal>
  );
}
