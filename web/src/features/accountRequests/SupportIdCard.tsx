import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSupportId } from '../../api/accountRequests.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';

/** The organisation's サポートID, asked for with every account procedure. */
export function SupportIdCard() {
  const { t } = useTranslation();
  const supportId = useSupportId();
  return (
    <Card title={t('accountRequests.supportId')}>
      {supportId.isPending && <Loading />}
      {supportId.isError && <LoadError error={supportId.error} onRetry={() => supportId.refetch()} />}
      {supportId.data && (
        <>
          <Typography.Paragraph>{t('accountRequests.supportIdLead')}</Typography.Paragraph>
          <Typography.Text code copyable data-testid="support-id" style={{ fontSize: 16 }}>
            {supportId.data.supportId ?? '—'}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
