import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useLoadedSession } from '../../api/session.js';
import { homePathFor, returnPathFits, safeReturnPath } from '../../app/portalPath.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoginForm } from './LoginForm.js';

/** ID-1: once logged in, go back where the visitor came from, or to the portal / tenant choice. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const [params] = useSearchParams();
  if (session.user) {
    const back = safeReturnPath(params.get('returnTo'));
    const target =
      back && (returnPathFits(session, back) || back === '/select') ? back : homePathFor(session);
    return <Navigate to={target} replace />;
  }
  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('login.title')}</PageTitle>
        <LoginForm />
      </Card>
    </PublicLayout>
  );
}
