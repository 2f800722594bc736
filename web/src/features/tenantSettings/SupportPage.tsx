import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSupportInfo } from '../../api/tenantSettings.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';

/** PP-8 サポート: the manuals page and the operator's contact address, set per tenant by the operator. */
export function SupportPage() {
  const { t } = useTranslation();
  const support = useSupportInfo();
  const data = support.data;
  return (
    <>
      <PageTitle>{t('support.title')}</PageTitle>
      {support.isPending && <Loading />}
      {support.isError && <LoadError error={support.error} onRetry={() => support.refetch()} />}
      {data && (
        <Card style={{ maxWidth: 720 }}>
          {!data.manualsUrl && !data.contactEmail && (
            <Alert type="info" showIcon title={t('support.empty')} style={{ marginBottom: 16 }} />
          )}
          <Descriptions column={1} bordered size="small" data-testid="support-info">
            <Descriptions.Item label={t('support.manuals')}>
              {data.manualsUrl ? (
                <Typography.Link href={data.manualsUrl} target="_blank" rel="noopener noreferrer">
                  {data.manualsUrl}
                  <span className="mg-visually-hidden">{t('support.newWindow')}</span>
                </Typography.Link>
              ) : (
                t('support.notSet')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('support.contact')}>
              {data.contactEmail ? (
                <Typography.Link href={`mailto:${data.contactEmail}`}>{data.contactEmail}</Typography.Link>
              ) : (
                t('support.notSet')
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  );
}
