import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  isMailTemplateKey,
  type MailTemplateDetail,
  type MailTemplateKey,
  type MailTemplatePreview,
} from '../../../../common/mail-templates.js';
import { isAdminRole, type Locale } from '../../../../common/roles.js';
import type { MailTemplateText } from '../../api/mailTemplates.js';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { NotFoundContent } from '../errors/NotFoundPage.js';
import { mailTemplateLocales } from './locales.js';
import { MailTemplateBreadcrumb } from './MailTemplateBreadcrumb.js';
import { MailTemplateConfirm } from './MailTemplateConfirm.js';
import { MailTemplateForm } from './MailTemplateForm.js';

/** What 確認 hands to the confirm view: the entered text and how it reads with sample data. */
export type MailTemplateDraft = {
  template: MailTemplateDetail;
  values: MailTemplateText;
  preview: MailTemplatePreview;
};

/**
 * PP-7 メールテンプレート変更: one tab per language (日本語 / English) with subject, body and the
 * placeholders of the template; 確認 shows the text rendered with sample data, 保存 stores it.
 * Members see the texts without changing them.
 */
export function MailTemplateEditPage() {
  const { templateKey = '' } = useParams();
  if (!isMailTemplateKey(templateKey)) return <NotFoundContent />;
  // another template (back / forward between two) starts afresh: tabs, forms and confirm view
  return <MailTemplateEditor key={templateKey} templateKey={templateKey} />;
}

function MailTemplateEditor({ templateKey }: { templateKey: MailTemplateKey }) {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const editable = isAdminRole(session.current?.role);
  const [locale, setLocale] = useState<Locale>('ja');
  const [draft, setDraft] = useState<MailTemplateDraft | null>(null);
  const title = draft
    ? t('mailTemplates.confirmTitle')
    : editable
      ? t('mailTemplates.editTitle')
      : t('mailTemplates.viewTitle');
  return (
    <>
      <MailTemplateBreadcrumb
        current={editable ? t('mailTemplates.editTitle') : t('mailTemplates.viewTitle')}
        throughList
      />
      <PageTitle>{title}</PageTitle>
      {draft && <MailTemplateConfirm draft={draft} onBack={() => setDraft(null)} />}
      {/* the forms stay mounted under the confirm view, so 戻る finds the text as it was entered */}
      <Card hidden={draft !== null}>
        <Tabs
          activeKey={locale}
          onChange={(key) => setLocale(key as Locale)}
          aria-label={t('mailTemplates.languages')}
          items={mailTemplateLocales.map((l) => ({
            key: l,
            label: <span lang={l}>{t(`mailTemplates.locale.${l}`)}</span>,
            children: (
              <MailTemplateForm
                templateKey={templateKey}
                locale={l}
                editable={editable}
                onChecked={setDraft}
              />
            ),
          }))}
        />
      </Card>
    </>
  );
}
