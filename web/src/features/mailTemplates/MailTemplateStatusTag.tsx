import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MailTemplateStatus } from '../../../../common/mail-templates.js';

/** デフォルト (the product's text) or カスタム (the tenant's own). */
export function MailTemplateStatusTag({ status }: { status: MailTemplateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'custom' ? 'blue' : 'default'} data-testid="mail-template-status">
      {t(`mailTemplates.status.${status}`)}
    </Tag>
  );
}
