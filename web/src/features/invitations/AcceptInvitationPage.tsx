import { Button, Card, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useInvitation } from '../../api/invitations.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { AcceptInvitationForm } from './AcceptInvitationForm.js';
import { InvitationSummary } from './InvitationSummary.js';

/** ID-6 sign-up page: the GET only shows the invitation; the POST of the form consumes it. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const [done, setDone] = useState(false);

  const toLogin = (
    <Button type="primary" onClick={() => navigate('/login')}>
      {t('invitation.toLogin')}
    </Button>
  );

  let body: React.ReactNode;
  if (done) {
    body = (
      <Result
        status="success"
        title={t('invitation.done')}
        subTitle={t('invitation.doneLead')}
        extra={toLogin}
      />
    );
  } else if (invitation.isPending) {
    body = <Loading />;
  } else if (invitation.isError) {
    body = (
      <Result
        status="warning"
        title={<span role="alert">{errorText(invitation.error, t)}</span>}
        extra={toLogin}
      />
    );
  } else {
    body = (
      <>
        <InvitationSummary invitation={invitation.data} />
        <AcceptInvitationForm
          token={token}
          userExists={invitation.data.userExists}
          onDone={() => setDone(true)}
        />
      </>
    );
  }

  return (
    <PublicLayout wide>
      <Card>
        <PageTitle>{t('invitation.title')}</PageTitle>
        {body}
      </Card>
    </PublicLayout>
  );
}
