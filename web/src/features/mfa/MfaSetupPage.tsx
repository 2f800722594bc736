import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLoadedSession, useLogout } from '../../api/session.js';
import { homePathFor } from '../../app/portalPath.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { TwoFactorCard } from './TwoFactorCard.js';

/**
 * The organisation requires a second factor and the user has none yet: the session only allows
 * enrolling one. Once a factor is enrolled the pending step is gone and the portal opens.
 */
export function MfaSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useLoadedSession();
  const logout = useLogout();
  const pending = session.pendingActions?.includes('enrolMfa') ?? false;
  return (
    <PublicLayout wide>
      <PageTitle>{t('mfa.setupTitle')}</PageTitle>
      <Flex vertical gap={16}>
        {pending ? (
          <Alert type="warning" showIcon title={t('mfa.enrolmentRequired')} />
        ) : (
          <Alert
            type="success"
            showIcon
            title={t('mfa.enrolmentDone')}
            action={
              <Button type="primary" onClick={() => navigate(homePathFor(session))}>
                {t('mfa.continue')}
              </Button>
            }
          />
        )}
        <TwoFactorCard />
        {pending && (
          <div>
            <Button onClick={() => logout.mutate()}>{t('user.logout')}</Button>
          </div>
        )}
      </Flex>
    </PublicLayout>
  );
}
