import { Card, Descriptions, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePasswordReset } from '../../api/passwords.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useDateTime } from '../../components/useDateTime.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';

/** ID-10: the mailed link (single use, 1 hour). GET shows the form; only the POST uses the link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const reset = usePasswordReset(token);
  const formatDateTime = useDateTime();
  const [done, setDone] = useState(false);

  let body: React.ReactNode;
  if (done) {
    body = (
      <Result
        status="success"
        title={<span role="status">{t('reset.done')}</span>}
        subTitle={t('reset.doneLead')}
        extra={<Link to="/login">{t('common.toLogin')}</Link>}
      />
    );
  } else if (reset.isPending) {
    body = <Loading />;
  } else if (reset.isError) {
    body = (
      <Result
        status="warning"
        title={<span role="alert">{errorText(reset.error, t)}</span>}
        extra={<Link to="/password-reset">{t('reset.again')}</Link>}
      />
    );
  } else {
    body = (
      <>
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 24 }}>
          <Descriptions.Item label={t('login.email')}>{reset.data.email}</Descriptions.Item>
          <Descriptions.Item label={t('invitation.expiresAt')}>
            {formatDateTime(reset.data.expiresAt)}
          </Descriptions.Item>
        </Descriptions>
        <ResetPasswordForm token={token} info={reset.data} onDone={() => setDone(true)} />
      </>
    );
  }

  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('reset.title')}</PageTitle>
        {body}
      </Card>
    </PublicLayout>
  );
}
