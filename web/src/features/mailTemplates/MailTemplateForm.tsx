import { Alert, Button, Flex, Form, Input, type InputRef, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { type SyntheticEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MailTemplateKey,
  mailTemplateBody,
  mailTemplateDefinitions,
  mailTemplateLimits,
} from '../../../../common/mail-templates.js';
import type { Locale } from '../../../../common/roles.js';
import { useMailTemplate, usePreviewMailTemplate } from '../../api/mailTemplates.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import type { MailTemplateDraft } from './MailTemplateEditPage.js';
import { MailTemplateStatusTag } from './MailTemplateStatusTag.js';
import { insertToken, placeholderToken } from './placeholders.js';

type Field = 'subject' | 'body';

type Props = {
  templateKey: MailTemplateKey;
  locale: Locale;
  editable: boolean;
  onChecked: (draft: MailTemplateDraft) => void;
};

/** Subject (none for an SMS) and body of one language, with the placeholders that may be used. */
export function MailTemplateForm({ templateKey, locale, editable, onChecked }: Props) {
  const { t } = useTranslation();
  const template = useMailTemplate(templateKey, locale);
  const detail = template.data;
  const sms = mailTemplateDefinitions[templateKey].sms;
  const schema = useMemo(() => mailTemplateBody(templateKey), [templateKey]);
  // an SMS has no subject field: the request carries none
  const prepare = useCallback(
    (values: Record<string, unknown>) => (sms ? { subject: null, body: values.body } : values),
    [sms],
  );
  const { form, rule, parse, showServerErrors } = useZodForm(schema, { prepare });
  const error = useSubmitError(showServerErrors);
  const [unchanged, setUnchanged] = useState(false);
  const preview = usePreviewMailTemplate(templateKey);
  const subjectRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  // where a clicked placeholder goes: the field last focused and its selection there
  const caret = useRef<{ field: Field; start: number; end: number } | null>(null);

  const remember = useCallback(
    (field: Field) => (event: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { selectionStart, selectionEnd, value } = event.currentTarget;
      caret.current = { field, start: selectionStart ?? value.length, end: selectionEnd ?? value.length };
    },
    [],
  );

  if (template.isPending) return <Loading />;
  if (template.isError || !detail)
    return <LoadError error={template.error} onRetry={() => template.refetch()} />;

  const elementOf = (field: Field) =>
    field === 'subject' ? subjectRef.current?.input : bodyRef.current?.resizableTextArea?.textArea;

  const insert = (name: string) => {
    const token = placeholderToken(name);
    const field: Field = caret.current?.field ?? 'body';
    const inserted = insertToken(String(form.getFieldValue(field) ?? ''), token, caret.current);
    form.setFieldValue(field, inserted.text);
    caret.current = { field, start: inserted.caret, end: inserted.caret };
    void form.validateFields([field]).catch(() => undefined);
    requestAnimationFrame(() => {
      const element = elementOf(field);
      element?.focus();
      element?.setSelectionRange(inserted.caret, inserted.caret);
    });
  };

  const onFinish = (raw: Record<string, unknown>) => {
    error.clear();
    setUnchanged(false);
    const values = parse(raw);
    const subject = sms ? '' : values.subject;
    if (subject === (detail.subject ?? '') && values.body === detail.body) {
      setUnchanged(true);
      return;
    }
    preview
      .mutateAsync({ locale, subject, body: values.body })
      .then((rendered) =>
        onChecked({ template: detail, values: { subject, body: values.body }, preview: rendered }),
      )
      .catch(error.fail);
  };

  return (
    <Form
      form={form}
      name={`mailTemplate-${locale}`}
      layout="vertical"
      initialValues={{ subject: detail.subject ?? '', body: detail.body }}
      onFinish={onFinish}
      disabled={preview.isPending}
    >
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text strong>{detail.name}</Typography.Text>
        <MailTemplateStatusTag status={detail.status} />
        {sms && <Typography.Text type="secondary">{t('mailTemplates.noSubject')}</Typography.Text>}
      </Flex>
      {!editable && (
        <Alert type="info" showIcon title={t('mailTemplates.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <FormError message={unchanged ? t('validation.noChanges') : error.message} />
      {!sms && (
        <Form.Item
          name="subject"
          label={t('mailTemplates.subject')}
          required={editable}
          rules={editable ? [rule('subject')] : []}
        >
          <Input
            ref={subjectRef}
            lang={locale}
            readOnly={!editable}
            count={editable ? { show: true, max: mailTemplateLimits.subject } : undefined}
            onSelect={remember('subject')}
            onBlur={remember('subject')}
          />
        </Form.Item>
      )}
      <Form.Item
        name="body"
        label={t('mailTemplates.body')}
        required={editable}
        rules={editable ? [rule('body')] : []}
      >
        <Input.TextArea
          ref={bodyRef}
          lang={locale}
          readOnly={!editable}
          count={
            editable
              ? { show: true, max: sms ? mailTemplateLimits.smsBody : mailTemplateLimits.body }
              : undefined
          }
          autoSize={{ minRows: 8, maxRows: 24 }}
          onSelect={remember('body')}
          onBlur={remember('body')}
        />
      </Form.Item>
      <section aria-labelledby={`placeholders-${locale}`} style={{ marginBottom: 24 }}>
        <Typography.Title level={2} id={`placeholders-${locale}`} style={{ fontSize: 16 }}>
          {t('mailTemplates.placeholders')}
        </Typography.Title>
        <Typography.Paragraph>{t('mailTemplates.placeholdersHint')}</Typography.Paragraph>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="mail-template-placeholders">
          {detail.placeholders.map((placeholder) => (
            <li
              key={placeholder.name}
              style={{
                display: 'grid',
                gridTemplateColumns: 'minmax(13rem, max-content) 1fr',
                gap: 12,
                alignItems: 'baseline',
                padding: '2px 0',
              }}
            >
              <span>
                {editable ? (
                  <Button
                    size="small"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => insert(placeholder.name)}
                    style={{ fontFamily: 'monospace' }}
                  >
                    {placeholderToken(placeholder.name)}
                  </Button>
                ) : (
                  <Typography.Text code>{placeholderToken(placeholder.name)}</Typography.Text>
                )}
              </span>
              <span>{placeholder.description}</span>
            </li>
          ))}
        </ul>
      </section>
      {editable && (
        <Button type="primary" htmlType="submit" loading={preview.isPending}>
          {t('mailTemplates.confirm')}
        </Button>
      )}
    </Form>
  );
}
