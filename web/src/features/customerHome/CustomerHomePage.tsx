import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';

/** CP home (first step): the company and the signed-in user. */
export function CustomerHomePage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  if (!session.user || !session.current) return null;
  const { user, current } = session;
  return (
    <>
      <PageTitle>{t('customerHome.title')}</PageTitle>
      <Card title={t('dashboard.welcome', { name: user.name || user.email })}>
        <Descriptions column={1} bordered size="small" title={t('customerHome.company')}>
          <Descriptions.Item label={t('customerHome.customerCode')}>{current.code}</Descriptions.Item>
          <Descriptions.Item label={t('customerHome.customerName')}>{current.name}</Descriptions.Item>
        </Descriptions>
        <div style={{ height: 16 }} />
        <Descriptions column={1} bordered size="small" title={t('dashboard.account')}>
          <Descriptions.Item label={t('dashboard.userName')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.role')}>{t(`role.${current.role}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
