import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ReauthBody, reauthBody } from '../../../../common/mfa.js';
import { useReauthenticate } from '../../api/mfa.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = { open: boolean; onDone: () => void; onCancel: () => void };

/** 「パスワードの再入力」 before a factor is enrolled or removed. */
export function ReauthModal({ open, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse, showServerErrors } = useZodForm(reauthBody);
  const reauth = useReauthenticate();
  const error = useSubmitError(showServerErrors);

  const close = (done: boolean) => {
    form.resetFields();
    error.clear();
    if (done) onDone();
    else onCancel();
  };

  const submit = async () => {
    const values: ReauthBody = parse(await form.validateFields());
    error.clear();
    reauth.mutate(values.password, {
      onSuccess: () => close(true),
      onError: (failure) => {
        form.setFieldValue('password', '');
        error.fail(failure);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('reauth.title')}
      okText={t('reauth.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => close(false)}
      confirmLoading={reauth.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('reauth.lead')}</Typography.Paragraph>
      <FormError message={error.message} />
      <Form form={form} name="reauth" layout="vertical" onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item name="password" label={t('login.password')} rules={[rule('password')]} required>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
