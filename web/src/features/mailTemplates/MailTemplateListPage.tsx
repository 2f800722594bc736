import { EditOutlined, EllipsisOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailTemplateListItem } from '../../../../common/mail-templates.js';
import { isAdminRole } from '../../../../common/roles.js';
import {
  useMailTemplateCopyTargets,
  useMailTemplates,
  useResetMailTemplate,
} from '../../api/mailTemplates.js';
import { useLoadedSession } from '../../api/session.js';
import { EmptyText } from '../../components/EmptyText.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CopyMailTemplatesModal } from './CopyMailTemplatesModal.js';
import { mailTemplateLocales } from './locales.js';
import { MailTemplateBreadcrumb } from './MailTemplateBreadcrumb.js';
import { MailTemplateStatusTag } from './MailTemplateStatusTag.js';

/**
 * PP-7 メールテンプレート一覧: the 12 templates with their subject and デフォルト / カスタム;
 * admins change them, restore a custom one to the default and copy them to their other tenants.
 */
export function MailTemplateListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const session = useLoadedSession();
  const isAdmin = isAdminRole(session.current?.role);
  const templates = useMailTemplates();
  const targets = useMailTemplateCopyTargets();
  const reset = useResetMailTemplate();
  const [copying, setCopying] = useState(false);

  const resetTemplate = (template: MailTemplateListItem) =>
    confirm(t('mailTemplates.resetConfirm', { name: template.name }), () =>
      reset
        .mutateAsync({
          key: template.key,
          locales: mailTemplateLocales.filter((locale) => template.locales[locale] === 'custom'),
        })
        .then(() => void message.success(t('mailTemplates.resetDone')))
        .catch((failure: unknown) => void message.error(errorText(failure, t))),
    );

  const columns: TableProps<MailTemplateListItem>['columns'] = [
    {
      key: 'actions',
      title: <span className="mg-visually-hidden">{t('common.actions')}</span>,
      width: 96,
      render: (_: unknown, template) => (
        <Flex gap={4}>
          <Link
            to={`/partner/mail-templates/${encodeURIComponent(template.key)}`}
            aria-label={t(isAdmin ? 'mailTemplates.edit' : 'mailTemplates.view', { name: template.name })}
            title={t(isAdmin ? 'mailTemplates.edit' : 'mailTemplates.view', { name: template.name })}
            style={{ display: 'inline-flex', padding: '4px 8px', fontSize: 16 }}
          >
            {isAdmin ? <EditOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
          </Link>
          {isAdmin && template.status === 'custom' && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'reset', label: t('mailTemplates.reset') }],
                onClick: () => resetTemplate(template),
              }}
            >
              <Button
                type="text"
                icon={<EllipsisOutlined aria-hidden />}
                aria-label={t('mailTemplates.more', { name: template.name })}
                aria-haspopup="menu"
              />
            </Dropdown>
          )}
        </Flex>
      ),
    },
    { key: 'name', title: t('mailTemplates.template'), dataIndex: 'name' },
    {
      key: 'subject',
      title: t('mailTemplates.subject'),
      dataIndex: 'subject',
      render: (subject: string | null, template) =>
        template.sms ? (
          <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{t('mailTemplates.noSubject')}</span>
        ) : (
          subject
        ),
    },
    {
      key: 'status',
      title: t('mailTemplates.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: MailTemplateListItem['status']) => <MailTemplateStatusTag status={status} />,
    },
  ];

  const copyTargets = targets.data?.items ?? [];
  return (
    <>
      <MailTemplateBreadcrumb current={t('mailTemplates.listTitle')} />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <PageTitle>{t('mailTemplates.listTitle')}</PageTitle>
        {isAdmin && copyTargets.length > 0 && templates.data && (
          <Button type="primary" onClick={() => setCopying(true)}>
            {t('mailTemplates.copy')}
          </Button>
        )}
      </Flex>
      {templates.isError ? (
        <LoadError error={templates.error} onRetry={() => templates.refetch()} />
      ) : (
        <Card>
          <Table<MailTemplateListItem>
            rowKey="key"
            columns={columns}
            dataSource={templates.data?.items}
            loading={templates.isPending}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t('mailTemplates.empty')}</EmptyText> }}
          />
        </Card>
      )}
      {copying && templates.data && (
        <CopyMailTemplatesModal
          tenants={copyTargets}
          templates={templates.data.items}
          onClose={() => setCopying(false)}
        />
      )}
    </>
  );
}
