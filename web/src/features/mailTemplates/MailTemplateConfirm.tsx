import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSaveMailTemplate } from '../../api/mailTemplates.js';
import { errorText } from '../../components/errorText.js';
import { FormError } from '../../components/form/FormError.js';
import type { MailTemplateDraft } from './MailTemplateEditPage.js';

type Props = { draft: MailTemplateDraft; onBack: () => void };

/** メールテンプレート確認: the text as a recipient reads it (sample data), then 保存 or 戻る. */
export function MailTemplateConfirm({ draft, onBack }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { template, values, preview } = draft;
  const save = useSaveMailTemplate(template.key, template.locale);
  const [error, setError] = useState<string | null>(null);

  const onSave = () => {
    setError(null);
    save
      .mutateAsync(values)
      .then(() => {
        void message.success(t('mailTemplates.saved'));
        navigate('/partner/mail-templates');
      })
      .catch((failure: unknown) => setError(errorText(failure, t)));
  };

  return (
    <Card>
      <FormError message={error} />
      <Descriptions column={1} bordered size="small" data-testid="mail-template-preview">
        <Descriptions.Item label={t('mailTemplates.template')}>{template.name}</Descriptions.Item>
        <Descriptions.Item label={t('mailTemplates.languages')}>
          <span lang={template.locale}>{t(`mailTemplates.locale.${template.locale}`)}</span>
        </Descriptions.Item>
        {!template.sms && (
          <Descriptions.Item label={t('mailTemplates.subject')}>
            <span lang={template.locale}>{preview.subject}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('mailTemplates.body')}>
          <div lang={template.locale} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {preview.body}
          </div>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('mailTemplates.previewNote')}
      </Typography.Paragraph>
      <Flex gap={8}>
        <Button type="primary" onClick={onSave} loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onBack} disabled={save.isPending}>
          {t('common.back')}
        </Button>
      </Flex>
    </Card>
  );
}
