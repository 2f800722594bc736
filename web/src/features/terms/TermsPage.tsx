import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useLoadedSession } from '../../api/session.js';
import { useCurrentTerms } from '../../api/terms.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { TermsAcceptance } from './TermsAcceptance.js';
import { TermsText } from './TermsText.js';

/** ID-12 利用規約: the current version; users must accept it before any portal page. */
export function TermsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useLoadedSession();
  const terms = useCurrentTerms(i18n.language);
  const pending = session.pendingActions?.includes('acceptTerms') ?? false;

  let body: React.ReactNode;
  if (terms.isPending) body = <Loading />;
  else if (terms.isError && terms.error instanceof ApiError && terms.error.status === 404)
    body = <Result status="info" title={t('terms.none')} extra={<Link to="/">{t('notFound.home')}</Link>} />;
  else if (terms.isError) body = <LoadError error={terms.error} onRetry={() => terms.refetch()} />;
  else
    body = (
      <>
        <TermsText terms={terms.data} />
        {pending || !terms.data.accepted ? (
          <TermsAcceptance termsId={terms.data.id} onAccepted={() => navigate('/')} />
        ) : (
          <p>
            {t('terms.alreadyAccepted')} <Link to="/">{t('notFound.home')}</Link>
          </p>
        )}
      </>
    );

  return (
    <PublicLayout wide>
      <Card>
        <PageTitle>{t('terms.title')}</PageTitle>
        {pending && <p>{t('terms.lead')}</p>}
        {body}
      </Card>
    </PublicLayout>
  );
}
