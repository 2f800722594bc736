import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = { current: string; throughList?: boolean };

/** ダッシュボード > メールテンプレート一覧 (> メールテンプレート変更). */
export function MailTemplateBreadcrumb({ current, throughList = false }: Props) {
  const { t } = useTranslation();
  const items = [{ key: 'home', title: <Link to="/partner">{t('nav.dashboard')}</Link> }];
  if (throughList) {
    items.push({
      key: 'list',
      title: <Link to="/partner/mail-templates">{t('mailTemplates.listTitle')}</Link>,
    });
  }
  items.push({ key: 'current', title: <span aria-current="page">{current}</span> });
  return <Breadcrumb aria-label={t('mailTemplates.breadcrumb')} style={{ marginBottom: 12 }} items={items} />;
}
