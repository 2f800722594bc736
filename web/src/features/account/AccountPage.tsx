import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { TwoFactorCard } from '../mfa/TwoFactorCard.js';
import { ProfileCard } from './ProfileCard.js';
import { SessionsCard } from './SessionsCard.js';

/** アカウント設定: profile, second factors, own sessions, and the way to パスワード変更. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout wide>
      <Link to="/">{t('notFound.home')}</Link>
      <div style={{ height: 12 }} />
      <PageTitle>{t('account.title')}</PageTitle>
      <Flex vertical gap={16}>
        <ProfileCard />
        <TwoFactorCard />
        <SessionsCard />
        <Card title={t('password.changeTitle')}>
          <Link to="/password/change">{t('account.toPasswordChange')}</Link>
        </Card>
      </Flex>
    </PublicLayout>
  );
}
