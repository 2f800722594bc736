import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useAddressVerification, useVerifyAddress } from '../../api/tenantSettings.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';

/**
 * メール有効化画面 (PP-6): the link of 「登録メールアドレスの確認」. The GET only shows the address;
 * the button's POST marks it verified (single use). No sign-in needed.
 */
export function VerifyNotificationAddressPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useAddressVerification(token);
  const verify = useVerifyAddress(token);

  const invalid = (error: unknown) =>
    error instanceof ApiError && error.status === 404 ? t('verifyAddress.invalid') : errorText(error, t);

  let body: React.ReactNode;
  if (verify.isSuccess) {
    body = (
      <Result
        status="success"
        title={<span role="status">{t('verifyAddress.done', { email: verify.data.email })}</span>}
      />
    );
  } else if (info.isPending) {
    body = <Loading />;
  } else if (info.isError) {
    body = <Result status="warning" title={<span role="alert">{invalid(info.error)}</span>} />;
  } else {
    body = (
      <>
        <Typography.Paragraph>{t('verifyAddress.lead')}</Typography.Paragraph>
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('verifyAddress.email')}>{info.data.email}</Descriptions.Item>
          <Descriptions.Item label={t('verifyAddress.tenant')}>
            {info.data.tenantCode} {info.data.tenantName}
          </Descriptions.Item>
        </Descriptions>
        {verify.isError && (
          <Alert type="error" showIcon title={invalid(verify.error)} style={{ marginBottom: 16 }} />
        )}
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('verifyAddress.submit')}
        </Button>
      </>
    );
  }

  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('verifyAddress.title')}</PageTitle>
        {body}
      </Card>
    </PublicLayout>
  );
}
