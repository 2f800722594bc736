import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerUserBodyInput } from '../../../../common/customer-users.js';
import { customerUserBody, customerUserLimits } from '../../../../common/customer-users.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { type CustomerUserFormValues, customerUserRequest } from './customerUserValues.js';

type Props = {
  initialValues: CustomerUserFormValues;
  submitLabel: string;
  note?: string;
  busy: boolean;
  check?: (values: CustomerUserBodyInput) => string | null;
  onSubmit: (values: CustomerUserBodyInput, fail: (error: unknown) => void) => void;
  onBack: () => void;
};

/** ユーザ作成 / ユーザ編集 (§7.4.4): 氏名（姓・名）, メールアドレス, 携帯番号; 作成|編集 and 戻る. */
export function CustomerUserForm({ initialValues, submitLabel, note, busy, check, onSubmit, onBack }: Props) {
  const { t } = useTranslation();
  const { form, rule, showServerErrors } = useZodForm(customerUserBody);
  const error = useSubmitError(showServerErrors);
  const [refusal, setRefusal] = useState<string | null>(null);

  const onFinish = (raw: Record<string, unknown>) => {
    error.clear();
    const values = customerUserRequest(raw);
    const problem = check?.(values) ?? null;
    setRefusal(problem);
    if (!problem) onSubmit(values, error.fail);
  };

  const text = (
    name: keyof CustomerUserFormValues,
    max: number,
    required: boolean,
    extra?: string,
    inputMode?: 'numeric' | 'email',
  ) => (
    <Form.Item
      name={name}
      label={t(`customerUsers.${name}`)}
      rules={[rule(name)]}
      validateTrigger="onBlur"
      required={required}
      extra={extra}
    >
      <Input count={{ show: true, max }} autoComplete="off" inputMode={inputMode} />
    </Form.Item>
  );

  return (
    <Form
      form={form}
      name="customerUser"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={busy}
      style={{ maxWidth: 720 }}
    >
      {note && <Typography.Paragraph>{note}</Typography.Paragraph>}
      <FormError message={refusal ?? error.message} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('familyName', customerUserLimits.familyName, true)}
        </Col>
        <Col xs={24} md={12}>
          {text('givenName', customerUserLimits.givenName, true)}
        </Col>
      </Row>
      {text('email', customerUserLimits.email, true, undefined, 'email')}
      {text('mobile', customerUserLimits.mobile, false, t('customerUsers.mobileHelp'), 'numeric')}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onBack} disabled={false}>
          {t('common.back')}
        </Button>
      </Flex>
    </Form>
  );
}
