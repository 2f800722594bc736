import { Alert, App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMyPasswordPolicy } from '../../api/passwords.js';
import { useLoadedSession } from '../../api/session.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/**
 * ID-11 パスワード変更, from the user menu or forced after a temporary password: then no way
 * around it except logging out, and afterwards the next pending step (terms) or the portal.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useLoadedSession();
  const policy = useMyPasswordPolicy();
  const forced = session.pendingActions?.includes('changePassword') ?? false;
  if (!session.user) return null;

  const onDone = () => {
    void message.success(t('password.changed'));
    navigate(forced ? '/' : '/account');
  };

  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('password.changeTitle')}</PageTitle>
        {forced ? (
          <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />
        ) : (
          <p>
            <Link to="/account">{t('account.back')}</Link>
          </p>
        )}
        {policy.isPending && <Loading />}
        {policy.isError && <LoadError error={policy.error} onRetry={() => policy.refetch()} />}
        {policy.data && <ChangePasswordForm user={session.user} policy={policy.data} onDone={onDone} />}
      </Card>
    </PublicLayout>
  );
}
