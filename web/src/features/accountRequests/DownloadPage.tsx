import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDownloadInfo } from '../../api/accountRequests.js';
import { apiPostForFile, seg } from '../../api/client.js';
import { PublicLayout } from '../../app/shell/PublicLayout.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ShownOnceSecret } from '../../components/secret/ShownOnceSecret.js';
import { saveFile } from '../../components/secret/saveFile.js';
import { useDateTime } from '../../components/useDateTime.js';

/**
 * A download link from the operator (reissued certificate, temporary password), valid 7 days:
 * the GET only shows what it holds; the button fetches it once.
 */
export function DownloadPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useDownloadInfo(token);
  const formatDateTime = useDateTime();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await apiPostForFile(`/api/downloads/${seg(token)}/download`);
      if (response.headers.get('content-type')?.includes('application/json')) {
        const body = (await response.json()) as Record<string, unknown>;
        const value = Object.values(body).find((v) => typeof v === 'string');
        setSecret(typeof value === 'string' ? value : null);
      } else {
        saveFile(info.data?.fileName ?? 'download.p12', await response.blob());
      }
      setDone(true);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Card>
        <PageTitle>{t('download.title')}</PageTitle>
        {info.isPending && <Loading />}
        {info.isError && <LoadError error={info.error} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {info.data && (
          <>
            <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('download.kind')}>
                {t(`download.kind.${info.data.kind}`)}
              </Descriptions.Item>
              {info.data.fileName && (
                <Descriptions.Item label={t('download.fileName')}>{info.data.fileName}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('download.expiresAt')}>
                {formatDateTime(info.data.expiresAt)}
              </Descriptions.Item>
            </Descriptions>
            {secret && (
              <ShownOnceSecret warning={t('download.secretOnce')} secret={secret} testId="download-secret" />
            )}
            {done ? (
              <Alert type="success" showIcon title={t('download.done')} />
            ) : (
              <Button
                type="primary"
                icon={<DownloadOutlined aria-hidden />}
                loading={busy}
                onClick={() => void download()}
              >
                {t('download.submit')}
              </Button>
            )}
          </>
        )}
      </Card>
    </PublicLayout>
  );
}
