import { Card, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AcceptedInvitation } from '../../../../common/invitations.js';
import { useInvitation } from '../../api/invitations.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ActivationFlow } from './ActivationFlow.js';
import { ExistingAccountForm } from './ExistingAccountForm.js';
import { InvitationDone } from './InvitationDone.js';
import { InvitationSummary } from './InvitationSummary.js';
import { SignupFlow } from './SignupFlow.js';

/**
 * ID-6 sign-up (ユーザ情報入力 → 確認 → 完了) and ID-7 activation (本人確認 → パスワード設定 → 完了).
 * The GET only shows the invitation; the POST of the last step consumes it.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const [done, setDone] = useState<AcceptedInvitation | null>(null);

  let body: React.ReactNode;
  let title = t('invitation.title');
  if (done) {
    body = <InvitationDone result={done} />;
  } else if (invitation.isPending) {
    body = <Loading />;
  } else if (invitation.isError) {
    body = (
      <Result
        status="warning"
        title={<span role="alert">{errorText(invitation.error, t)}</span>}
        extra={<Link to="/login">{t('common.toLogin')}</Link>}
      />
    );
  } else {
    const info = invitation.data;
    if (info.kind === 'activation') title = t('activation.title');
    const flow = info.userExists ? (
      <ExistingAccountForm token={token} onDone={setDone} />
    ) : info.kind === 'activation' ? (
      <ActivationFlow token={token} invitation={info} onDone={setDone} />
    ) : (
      <SignupFlow token={token} invitation={info} onDone={setDone} />
    );
    body = (
      <>
        <InvitationSummary invitation={info} />
        {flow}
        <div style={{ marginTop: 16 }}>
          <Link to="/login">{t('common.toLogin')}</Link>
        </div>
      </>
    );
  }

  return (
    <PublicLayout wide>
      <Card>
        <PageTitle>{title}</PageTitle>
        {body}
      </Card>
    </PublicLayout>
  );
}
