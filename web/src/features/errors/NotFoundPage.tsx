import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { PageTitle } from '../../components/PageTitle.js';

/** The 404 text, for use inside a portal shell. */
export function NotFoundContent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<PageTitle>{t('notFound.title')}</PageTitle>}
      subTitle={t('notFound.message')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
}

/** Unknown addresses outside the portals. */
export function NotFoundPage() {
  return (
    <PublicLayout wide>
      <NotFoundContent />
    </PublicLayout>
  );
}
