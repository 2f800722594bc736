import { Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerBody, customerLimits } from '../../../../common/customers.js';
import { prefectures } from '../../../../common/prefectures.js';
import { type CustomerRequest, lookUpPostalCode } from '../../api/customers.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { type CustomerFormValues, customerRequest, postalDigits } from './customerValues.js';
import { SectionTitle } from './SectionTitle.js';

type Props = {
  initialValues: CustomerFormValues;
  submitLabel: string;
  /** Shown above the form (e.g. the edit's "at least one change" note). */
  note?: string;
  busy: boolean;
  /** A check of the whole form before submitting (the edit's "no changes"): a message, or null. */
  check?: (values: CustomerRequest) => string | null;
  /** Called with the checked request; `fail` shows a failed request (field errors on the fields). */
  onSubmit: (values: CustomerRequest, fail: (error: unknown) => void) => void;
};

type PostalState = 'filled' | 'notFound' | null;

/**
 * The fields of 顧客作成 / 顧客情報変更 (§7.2–§7.3) in two sections, checked with the server's
 * schema; メモ2/3 behind さらに表示 / 省略; a 7-digit postal code fills 都道府県 and 住所.
 */
export function CustomerForm({ initialValues, submitLabel, note, busy, check, onSubmit }: Props) {
  const { t } = useTranslation();
  const { form, rule, showServerErrors } = useZodForm(customerBody);
  const error = useSubmitError(showServerErrors);
  const [moreMemos, setMoreMemos] = useState(Boolean(initialValues.memo2 || initialValues.memo3));
  const [postal, setPostal] = useState<PostalState>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const lookup = useRef(0);

  const onPostalChange = (value: string) => {
    const digits = postalDigits(value);
    setPostal(null);
    if (!digits) return;
    const ticket = ++lookup.current;
    void lookUpPostalCode(digits).then((found) => {
      // a later keystroke wins
      if (ticket !== lookup.current) return;
      if (!found) {
        setPostal('notFound');
        return;
      }
      form.setFieldsValue({ prefecture: found.prefecture, address: found.address });
      void form.validateFields(['prefecture', 'address']).catch(() => undefined);
      setPostal('filled');
    });
  };

  const onFinish = (raw: Record<string, unknown>) => {
    error.clear();
    const values = customerRequest(raw);
    const problem = check?.(values) ?? null;
    setRefusal(problem);
    if (!problem) onSubmit(values, error.fail);
  };

  const text = (
    name: keyof CustomerFormValues,
    label: string,
    max: number,
    required = false,
    extra?: string,
  ) => (
    <Form.Item
      name={name}
      label={label}
      rules={[rule(name)]}
      validateTrigger="onBlur"
      required={required}
      extra={extra}
    >
      <Input count={{ show: true, max }} autoComplete="off" />
    </Form.Item>
  );
  const memo = (name: 'memo1' | 'memo2' | 'memo3', hidden = false) => (
    <Form.Item
      name={name}
      label={t(`customers.${name}`)}
      rules={[rule(name)]}
      validateTrigger="onBlur"
      hidden={hidden}
      extra={t('customers.memoHelp')}
    >
      <Input.TextArea rows={2} count={{ show: true, max: customerLimits.memo }} />
    </Form.Item>
  );

  return (
    <Form
      form={form}
      name="customer"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => {
        if (errorFields.some((f) => f.name[0] === 'memo2' || f.name[0] === 'memo3')) setMoreMemos(true);
      }}
      disabled={busy}
      style={{ maxWidth: 800 }}
    >
      {note && <Typography.Paragraph>{note}</Typography.Paragraph>}
      <FormError message={refusal ?? error.message} />
      <Flex vertical gap={16}>
        <Card title={<SectionTitle>{t('customers.section.basic')}</SectionTitle>}>
          {text('name', t('customers.name'), customerLimits.name, true)}
          {memo('memo1')}
          <div id="customer-more-memos">
            {memo('memo2', !moreMemos)}
            {memo('memo3', !moreMemos)}
          </div>
          <Button
            type="link"
            style={{ padding: 0 }}
            aria-expanded={moreMemos}
            aria-controls="customer-more-memos"
            onClick={() => setMoreMemos(!moreMemos)}
          >
            {moreMemos ? t('customers.showLess') : t('customers.showMore')}
          </Button>
        </Card>
        <Card title={<SectionTitle>{t('customers.section.contact')}</SectionTitle>}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {text('contactFamilyName', t('customers.contactFamilyName'), customerLimits.contactName, true)}
            </Col>
            <Col xs={24} md={12}>
              {text('contactGivenName', t('customers.contactGivenName'), customerLimits.contactName, true)}
            </Col>
            <Col xs={24} md={12}>
              {text('department', t('customers.department'), customerLimits.department)}
            </Col>
            <Col xs={24} md={12}>
              {text('title', t('customers.jobTitle'), customerLimits.title)}
            </Col>
          </Row>
          {text('email', t('customers.email'), customerLimits.email, true)}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="postalCode"
                label={t('customers.postalCode')}
                rules={[rule('postalCode')]}
                validateTrigger="onBlur"
                required
                extra={
                  <span role="status">
                    {postal === 'filled'
                      ? t('customers.postalFilled')
                      : postal === 'notFound'
                        ? t('customers.postalNotFound')
                        : t('customers.postalCodeHelp')}
                  </span>
                }
              >
                <Input
                  maxLength={8}
                  inputMode="numeric"
                  autoComplete="postal-code"
                  placeholder="733-0001"
                  onChange={(e) => onPostalChange(e.target.value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="prefecture"
                label={t('customers.prefecture')}
                rules={[rule('prefecture')]}
                required
              >
                <Select
                  showSearch
                  options={prefectures.map((p) => ({ value: p, label: p }))}
                  placeholder={prefectures[0]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="address"
            label={t('customers.address')}
            rules={[rule('address')]}
            validateTrigger="onBlur"
            required
            extra={t('customers.addressNote')}
          >
            <Input
              count={{ show: true, max: customerLimits.address }}
              autoComplete="off"
              placeholder={t('customers.addressPlaceholder')}
            />
          </Form.Item>
          {text('phone', t('customers.phone'), customerLimits.phone, true, t('customers.phoneHelp'))}
        </Card>
        <div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {submitLabel}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}
