import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import type { MfaRequiredView } from '../../../../common/mfa.js';
import { useLoadedSession } from '../../api/session.js';
import { homePathFor, returnPathFits, safeReturnPath } from '../../app/portalPath.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoginForm } from './LoginForm.js';
import { SecondFactorStep } from './SecondFactorStep.js';

/** ID-1 (+ ID-4: a second step when a second factor is needed): once logged in, go back where the visitor came from, or to the portal / tenant choice. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const [params] = useSearchParams();
  const [challenge, setChallenge] = useState<MfaRequiredView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (session.user) {
    const back = safeReturnPath(params.get('returnTo'));
    const target =
      back && (returnPathFits(session, back) || back === '/select') ? back : homePathFor(session);
    return <Navigate to={target} replace />;
  }
  return (
    <PublicLayout>
      <Card>
        {challenge ? (
          <>
            <PageTitle>{t('mfaLogin.title')}</PageTitle>
            <SecondFactorStep
              challenge={challenge}
              onRestart={(expired) => {
                setNotice(expired ? t('error.login_expired') : null);
                setChallenge(null);
              }}
            />
          </>
        ) : (
          <>
            <PageTitle>{t('login.title')}</PageTitle>
            <LoginForm onChallenge={setChallenge} notice={notice} />
          </>
        )}
      </Card>
    </PublicLayout>
  );
}
