import { App, Button, Checkbox, Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MfaPolicyBody, mfaMethods, mfaPolicyBody } from '../../../../common/mfa.js';
import { useSaveMfaPolicy } from '../../api/mfa.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

type Props = { organizationId: string; policy: MfaPolicyBody };

/** ID-5: require 2FA, the allowed factor types (mail OTP can be disallowed), certificates for admins. */
export function MfaPolicyForm({ organizationId, policy }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(mfaPolicyBody);
  const save = useSaveMfaPolicy(organizationId);
  const error = useSubmitError(showServerErrors);

  const onFinish = (raw: MfaPolicyBody) => {
    const values = parse(raw);
    error.clear();
    confirm(t('mfaPolicy.saveConfirm'), () =>
      save
        .mutateAsync(values)
        .then(() => void message.success(t('mfaPolicy.saved')))
        .catch(error.fail),
    );
  };

  return (
    <Form
      form={form}
      name={`mfaPolicy-${organizationId}`}
      layout="vertical"
      initialValues={policy}
      onFinish={onFinish}
      disabled={save.isPending}
    >
      <FormError message={error.message} />
      <Form.Item
        name="requireMfa"
        label={t('mfaPolicy.requireMfa')}
        valuePropName="checked"
        extra={t('mfaPolicy.requireMfaHelp')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="allowedMethods" label={t('mfaPolicy.allowedMethods')} rules={[rule('allowedMethods')]}>
        <Checkbox.Group options={mfaMethods.map((m) => ({ value: m, label: t(`mfaMethod.${m}`) }))} />
      </Form.Item>
      <Form.Item
        name="requireCertificateForAdmins"
        label={t('mfaPolicy.requireCertificateForAdmins')}
        valuePropName="checked"
        extra={t('mfaPolicy.requireCertificateHelp')}
      >
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
