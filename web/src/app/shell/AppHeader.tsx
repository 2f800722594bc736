import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';

type Props = { homePath: string; organization?: ReactNode; showUser?: boolean };

/** Product name (→ home), the current organisation, language switch and user menu. */
export function AppHeader({ homePath, organization, showUser = true }: Props) {
  const { t } = useTranslation();
  return (
    <Layout.Header className="mg-header">
      <Link to={homePath} className="mg-header__product">
        {t('app.productName')}
      </Link>
      {organization}
      <div className="mg-header__spacer" />
      <LanguageSwitch />
      {showUser && <UserMenu />}
    </Layout.Header>
  );
}
