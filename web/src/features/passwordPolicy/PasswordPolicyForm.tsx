import { App, Button, Checkbox, Col, Flex, Form, InputNumber, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { nistPolicy, standardPolicy } from '../../../../common/password-policy.js';
import {
  type OrganizationPasswordPolicy,
  type PasswordPolicyBody,
  passwordPolicyBody,
  policyRanges,
} from '../../../../common/passwords.js';
import { useSaveOrganizationPasswordPolicy } from '../../api/passwordPolicy.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

type Props = { organizationId: string; policy: OrganizationPasswordPolicy };

const classes = ['requireLower', 'requireUpper', 'requireDigit', 'requireSymbol'] as const;
const numbers = [
  ['minLength', policyRanges.minLength],
  ['historyCount', policyRanges.historyCount],
  ['lockoutThreshold', policyRanges.lockoutThreshold],
  ['lockoutMinutes', policyRanges.lockoutMinutes],
] as const;

/** ID-3: profile (standard = the manual's rule, NIST), lengths, classes, history, lockout. */
export function PasswordPolicyForm({ organizationId, policy }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(passwordPolicyBody);
  const save = useSaveOrganizationPasswordPolicy(organizationId);
  const error = useSubmitError(showServerErrors);

  /** Choosing a profile fills in its defaults (the numbers stay editable). */
  const onProfile = (profile: 'standard' | 'nist') => {
    const { profile: _, ...defaults } = profile === 'nist' ? nistPolicy : standardPolicy;
    form.setFieldsValue(defaults);
  };

  const onFinish = (raw: PasswordPolicyBody) => {
    const values = parse(raw);
    error.clear();
    confirm(t('policy.saveConfirm'), () =>
      save
        .mutateAsync(values)
        .then(() => void message.success(t('policy.saved')))
        .catch(error.fail),
    );
  };

  return (
    <Form
      form={form}
      name="passwordPolicy"
      layout="vertical"
      initialValues={policy}
      onFinish={onFinish}
      disabled={save.isPending}
    >
      <FormError message={error.message} />
      <Form.Item name="profile" label={t('policy.profile')} rules={[rule('profile')]}>
        <Radio.Group
          onChange={(e) => onProfile(e.target.value)}
          options={[
            { value: 'standard', label: t('policy.profile.standard') },
            { value: 'nist', label: t('policy.profile.nist') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('policy.classes')}>
        <Flex wrap gap={16}>
          {classes.map((name) => (
            <Form.Item key={name} name={name} valuePropName="checked" noStyle>
              <Checkbox>{t(`policy.${name}`)}</Checkbox>
            </Form.Item>
          ))}
        </Flex>
      </Form.Item>
      <Row gutter={16}>
        {numbers.map(([name, range]) => (
          <Col key={name} xs={24} md={12}>
            <Form.Item
              name={name}
              label={t(`policy.${name}`)}
              rules={[rule(name)]}
              extra={t('policy.range', { min: range.min, max: range.max })}
            >
              <InputNumber min={range.min} max={range.max} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
