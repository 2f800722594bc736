import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  ConfigProvider,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Table,
  Typography,
} from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  referrerUrl,
  type TenantSettings,
  tenantLink,
  tenantSettingsBody,
  tenantSettingsLimits,
} from '../../../../common/tenant-settings.js';
import { useSaveTenantSettings } from '../../api/tenantSettings.js';
import { EmptyText } from '../../components/EmptyText.js';
import { FormError } from '../../components/form/FormError.js';
import { issuesToFieldErrors } from '../../components/form/fieldErrors.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';
import { ApplicationFieldsTable } from './ApplicationFieldsTable.js';
import {
  bodyOf,
  emptyLink,
  formValuesOf,
  type LinkValues,
  linkBodyOf,
  type TenantSettingsValues,
} from './tenantSettingsValues.js';

/** The add rows are checked by their 追加 button; a change only clears that check's message. */
const clearOnChange = [{ validator: async () => undefined }];

const fieldsetStyle = {
  border: '1px solid #e5e5e5',
  borderRadius: 8,
  padding: '8px 16px 0',
  marginBottom: 16,
};
const legendStyle = { width: 'auto', border: 'none', padding: '0 4px', marginBottom: 0, fontSize: 14 };

type Props = { settings: TenantSettings; editable: boolean };

const L = tenantSettingsLimits;

const linkColumns = [
  { key: 'name', label: 'tenantSettings.linkName', max: L.linkName },
  { key: 'url', label: 'tenantSettings.linkUrl', max: L.url },
  { key: 'description', label: 'tenantSettings.linkDescription', max: L.linkDescription },
  { key: 'publishedOn', label: 'tenantSettings.linkPublishedOn', max: 10 },
] as const;

/**
 * PP-4: UTM add requests on/off, exemption days (0–99), allowed referrer URLs (scheme + host only)
 * and the customer-portal links, saved together after 「設定を保存します。よろしいでしょうか。」; the
 * operator's additional application fields below, read-only.
 */
export function TenantSettingsForm({ settings, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const prepare = useCallback((values: Record<string, unknown>) => bodyOf(values), []);
  const { form, rule, parse, showServerErrors } = useZodForm(tenantSettingsBody, { prepare });
  const save = useSaveTenantSettings();
  const error = useSubmitError(showServerErrors);
  const linkCount: number = Form.useWatch(['links'], form)?.length ?? settings.links.length;

  const onFinish = (raw: TenantSettingsValues) => {
    const values = parse(raw);
    error.clear();
    confirm(t('tenantSettings.saveConfirm'), () =>
      save
        .mutateAsync(values)
        .then((saved) => {
          form.setFieldsValue(formValuesOf(saved));
          void message.success(t('tenantSettings.saved'));
        })
        .catch(error.fail),
    );
  };

  const addReferrerUrl = () => {
    const list: string[] = form.getFieldValue('referrerUrls') ?? [];
    const parsed = referrerUrl.safeParse(form.getFieldValue('newReferrerUrl') ?? '');
    let problem: string | null = null;
    if (!parsed.success) problem = parsed.error.issues[0]?.message ?? 'validation.invalid';
    else if (list.some((u) => u.toLowerCase() === parsed.data.toLowerCase()))
      problem = 'validation.duplicateUrl';
    else if (list.length >= L.referrerUrls) problem = 'validation.tooManyReferrerUrls';
    if (problem || !parsed.success) {
      form.setFields([{ name: 'newReferrerUrl', errors: [t(problem ?? 'validation.invalid')] }]);
      return;
    }
    form.setFieldsValue({ referrerUrls: [...list, parsed.data], newReferrerUrl: '' });
    form.setFields([{ name: 'newReferrerUrl', errors: [] }]);
  };

  const addLink = () => {
    const list: LinkValues[] = form.getFieldValue('links') ?? [];
    const draft: Partial<LinkValues> = form.getFieldValue('newLink') ?? {};
    const parsed = tenantLink.safeParse(linkBodyOf(draft));
    const names = ['name', 'url', 'description', 'publishedOn'] as const;
    const errors = parsed.success ? [] : issuesToFieldErrors(parsed.error.issues);
    if (parsed.success && list.length >= L.links) {
      errors.push({ name: ['name'], errors: ['validation.tooManyLinks'] });
    }
    form.setFields(
      names.map((key) => ({
        name: ['newLink', key],
        errors: (errors.find((e) => e.name[0] === key)?.errors ?? []).slice(0, 1).map((m) => t(m)),
      })),
    );
    if (errors.length > 0) return;
    form.setFieldsValue({ links: [...list, { ...emptyLink, ...draft }], newLink: emptyLink });
  };

  return (
    <Form<TenantSettingsValues>
      form={form}
      name="tenantSettings"
      layout="vertical"
      initialValues={formValuesOf(settings)}
      onFinish={onFinish}
      disabled={!editable || save.isPending}
    >
      <FormError message={error.message} />
      <Flex vertical gap={16}>
        <Card title={t('tenantSettings.title')}>
          <Form.Item
            name="utmApplicationEnabled"
            label={t('tenantSettings.utm')}
            extra={t('tenantSettings.utmHelp')}
            rules={[rule('utmApplicationEnabled')]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('tenantSettings.utm.on') },
                { value: false, label: t('tenantSettings.utm.off') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="contractCheckExemptDays"
            label={t('tenantSettings.exemptDays')}
            extra={t('tenantSettings.exemptDaysHelp')}
            rules={[rule('contractCheckExemptDays')]}
            required
          >
            <InputNumber suffix={t('tenantSettings.days')} style={{ width: 140 }} />
          </Form.Item>
        </Card>

        <Card title={t('tenantSettings.referrerList')} data-testid="referrer-urls">
          {editable && (
            <Flex align="start" gap={8} wrap>
              <Form.Item
                name="newReferrerUrl"
                rules={clearOnChange}
                label={t('tenantSettings.referrerAdd')}
                extra={t('tenantSettings.referrerHelp')}
                style={{ flex: '1 1 420px', maxWidth: 640 }}
              >
                <Input
                  maxLength={L.url}
                  placeholder={t('tenantSettings.referrerPlaceholder')}
                  onPressEnter={(event) => {
                    event.preventDefault();
                    addReferrerUrl();
                  }}
                />
              </Form.Item>
              <Button icon={<PlusOutlined aria-hidden />} onClick={addReferrerUrl} style={{ marginTop: 30 }}>
                {t('tenantSettings.add')}
              </Button>
            </Flex>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('tenantSettings.referrerNote1')}
            <br />
            {t('tenantSettings.referrerNote2')}
            <br />
            {t('tenantSettings.referrerNote3')}
          </Typography.Paragraph>
          <Form.List name="referrerUrls">
            {(fields, { remove }) =>
              fields.length === 0 ? (
                <Typography.Text>{t('tenantSettings.referrerEmpty')}</Typography.Text>
              ) : (
                <Flex vertical gap={0}>
                  {fields.map((field, index) => {
                    const label = t('tenantSettings.referrerUrlN', { n: index + 1 });
                    return (
                      <Flex key={field.key} align="start" gap={8}>
                        <Form.Item
                          name={field.name}
                          rules={[rule(`referrerUrls.${index}`)]}
                          style={{ flex: '1 1 420px', maxWidth: 640, marginBottom: 12 }}
                        >
                          <Input maxLength={L.url} aria-label={label} />
                        </Form.Item>
                        {editable && (
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('tenantSettings.removeRow', { label })}
                            onClick={() => remove(field.name)}
                          />
                        )}
                      </Flex>
                    );
                  })}
                </Flex>
              )
            }
          </Form.List>
        </Card>

        <Card title={t('tenantSettings.linkList')} data-testid="links">
          <Typography.Paragraph type="secondary">{t('tenantSettings.linkHelp')}</Typography.Paragraph>
          {editable && (
            // Enter in the add row (e.g. confirming a date) must not submit the whole settings form
            <fieldset
              style={fieldsetStyle}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            >
              <legend style={legendStyle}>{t('tenantSettings.linkAdd')}</legend>
              <Flex gap={8} wrap align="start">
                <Form.Item
                  name={['newLink', 'name']}
                  rules={clearOnChange}
                  label={t('tenantSettings.linkName')}
                  style={{ width: 200 }}
                >
                  <Input maxLength={L.linkName} />
                </Form.Item>
                <Form.Item
                  name={['newLink', 'url']}
                  rules={clearOnChange}
                  label={t('tenantSettings.linkUrl')}
                  style={{ width: 280 }}
                >
                  <Input maxLength={L.url} placeholder="https://" />
                </Form.Item>
                <Form.Item
                  name={['newLink', 'description']}
                  rules={clearOnChange}
                  label={t('tenantSettings.linkDescription')}
                  style={{ flex: '1 1 240px' }}
                >
                  <Input maxLength={L.linkDescription} />
                </Form.Item>
                <Form.Item
                  name={['newLink', 'publishedOn']}
                  rules={clearOnChange}
                  label={t('tenantSettings.linkPublishedOn')}
                >
                  <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 150 }} />
                </Form.Item>
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={addLink}
                  disabled={linkCount >= L.links}
                  style={{ marginTop: 30 }}
                >
                  {t('tenantSettings.add')}
                </Button>
              </Flex>
            </fieldset>
          )}
          <Form.List name="links">
            {(fields, { remove }) => (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                aria-label={t('tenantSettings.linkList')}
                locale={{ emptyText: <EmptyText>{t('tenantSettings.linkEmpty')}</EmptyText> }}
                columns={[
                  ...linkColumns.map(({ key, label: title, max }) => ({
                    key,
                    title: t(title),
                    render: (_: unknown, field: (typeof fields)[number], index: number) => {
                      const label = `${t(title)} ${index + 1}`;
                      return (
                        <Form.Item
                          name={[field.name, key]}
                          rules={[rule(`links.${index}.${key}`)]}
                          style={{ marginBottom: 0 }}
                        >
                          {key === 'publishedOn' ? (
                            <DatePicker format="YYYY-MM-DD" aria-label={label} style={{ width: 150 }} />
                          ) : (
                            <Input aria-label={label} maxLength={max} />
                          )}
                        </Form.Item>
                      );
                    },
                  })),
                  ...(editable
                    ? [
                        {
                          key: 'actions',
                          title: t('common.actions'),
                          width: 80,
                          render: (_: unknown, field: (typeof fields)[number], index: number) => (
                            <Button
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={t('tenantSettings.removeRow', {
                                label: `${t('tenantSettings.linkName')} ${index + 1}`,
                              })}
                              onClick={() => remove(field.name)}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Form.List>
        </Card>

        <Card title={t('tenantSettings.applicationFields')}>
          <Typography.Paragraph type="secondary">
            {t('tenantSettings.applicationFieldsHelp')}
          </Typography.Paragraph>
          {/* read-only information, not a disabled control */}
          <ConfigProvider componentDisabled={false}>
            <ApplicationFieldsTable fields={settings.applicationFields} />
          </ConfigProvider>
        </Card>

        {editable && (
          <div>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </div>
        )}
      </Flex>
    </Form>
  );
}
