import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, type FormRule, Input, Select, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationField,
  type ApplicationFieldsBody,
  applicationFieldsBody,
  applicationFieldTypes,
  tenantSettingsLimits,
} from '../../../../common/tenant-settings.js';
import { useSaveApplicationFields } from '../../api/tenantSettings.js';
import { EmptyText } from '../../components/EmptyText.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

const L = tenantSettingsLimits;
const newField: ApplicationField = { name: '', required: false, type: 'text', options: [] };

type Props = { tenantId: string; fields: ApplicationField[]; editable: boolean };

const bodyOf = (values: Record<string, unknown>): ApplicationFieldsBody => ({
  fields: ((values.fields as ApplicationField[] | undefined) ?? []).map((f) => ({
    name: f?.name ?? '',
    required: f?.required ?? false,
    type: f?.type ?? 'text',
    options: f?.type === 'select' ? (f.options ?? []) : [],
  })),
});

/**
 * OP-1 追加項目: the tenant's additional fields of the service application (項目名, 必須, 形式
 * テキスト / 選択, 選択項目), edited as one list; partners see them read-only.
 */
export function ApplicationFieldsCard({ tenantId, fields, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const prepare = useCallback(bodyOf, []);
  const { form, rule, parse, showServerErrors } = useZodForm(applicationFieldsBody, { prepare });
  const save = useSaveApplicationFields(tenantId);
  const error = useSubmitError(showServerErrors);
  const count: number = Form.useWatch('fields', form)?.length ?? fields.length;

  /** The options' messages, including those of one option (path `fields.i.options.j`). */
  const optionsRule =
    (index: number): FormRule =>
    ({ getFieldsValue }) => ({
      validator: async () => {
        const result = applicationFieldsBody.safeParse(bodyOf(getFieldsValue()));
        if (result.success) return;
        const messages = result.error.issues
          .filter((i) => i.path[0] === 'fields' && i.path[1] === index && i.path[2] === 'options')
          .map((i) => t(i.message));
        if (messages.length > 0) throw new Error([...new Set(messages)].join(' '));
      },
    });

  const onFinish = (raw: Record<string, unknown>) => {
    const values = parse(raw);
    error.clear();
    confirm(t('opSettings.fieldsConfirm'), () =>
      save
        .mutateAsync(values)
        .then(() => void message.success(t('opSettings.fieldsSaved')))
        .catch(error.fail),
    );
  };

  return (
    <Card title={t('opSettings.fieldsTitle')} data-testid="application-fields-card">
      <Typography.Paragraph type="secondary">{t('opSettings.fieldsHelp')}</Typography.Paragraph>
      <Form
        form={form}
        name={`applicationFields-${tenantId}`}
        initialValues={{ fields }}
        onFinish={onFinish}
        disabled={!editable || save.isPending}
      >
        <FormError message={error.message} />
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={rows}
                aria-label={t('opSettings.fieldsTitle')}
                locale={{ emptyText: <EmptyText>{t('opSettings.fieldsEmpty')}</EmptyText> }}
                columns={[
                  {
                    key: 'name',
                    title: t('opSettings.fieldName'),
                    render: (_: unknown, row, index) => (
                      <Form.Item
                        name={[row.name, 'name']}
                        rules={[rule(`fields.${index}.name`)]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input
                          maxLength={L.applicationFieldName}
                          aria-label={`${t('opSettings.fieldName')} ${index + 1}`}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'required',
                    title: t('opSettings.fieldRequired'),
                    width: 80,
                    render: (_: unknown, row, index) => (
                      <Form.Item
                        name={[row.name, 'required']}
                        valuePropName="checked"
                        style={{ marginBottom: 0 }}
                      >
                        <Checkbox aria-label={`${t('opSettings.fieldRequired')} ${index + 1}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'type',
                    title: t('opSettings.fieldType'),
                    width: 140,
                    render: (_: unknown, row, index) => (
                      <Form.Item name={[row.name, 'type']} style={{ marginBottom: 0 }}>
                        <Select
                          aria-label={`${t('opSettings.fieldType')} ${index + 1}`}
                          options={applicationFieldTypes.map((type) => ({
                            value: type,
                            label: t(`tenantSettings.type.${type}`),
                          }))}
                          onChange={(type) => {
                            if (type === 'text') form.setFieldValue(['fields', row.name, 'options'], []);
                          }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'options',
                    title: t('opSettings.fieldOptions'),
                    render: (_: unknown, row, index) => (
                      <Form.Item noStyle dependencies={[['fields', row.name, 'type']]}>
                        {() =>
                          form.getFieldValue(['fields', row.name, 'type']) === 'select' ? (
                            <Form.Item
                              name={[row.name, 'options']}
                              rules={[optionsRule(index)]}
                              style={{ marginBottom: 0 }}
                            >
                              <Select
                                mode="tags"
                                open={false}
                                suffixIcon={null}
                                tokenSeparators={[',', '、']}
                                placeholder={t('opSettings.optionsPlaceholder')}
                                aria-label={`${t('opSettings.fieldOptions')} ${index + 1}`}
                              />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                    ),
                  },
                  ...(editable
                    ? [
                        {
                          key: 'actions',
                          title: t('common.actions'),
                          width: 80,
                          render: (_: unknown, row: (typeof rows)[number], index: number) => (
                            <Button
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={t('opSettings.removeField', { n: index + 1 })}
                              onClick={() => remove(row.name)}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {editable && (
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ ...newField })}
                  disabled={count >= L.applicationFields}
                  style={{ marginTop: 12, marginRight: 8 }}
                >
                  {t('opSettings.addField')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
