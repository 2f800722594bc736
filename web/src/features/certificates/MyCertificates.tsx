import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyCertificates } from '../../api/certificates.js';
import { LoadError } from '../../components/LoadError.js';
import { CertificateTable } from './CertificateTable.js';

/** クライアント証明書 in the account settings: the user's own certificates, issued by an admin. */
export function MyCertificates() {
  const { t } = useTranslation();
  const certificates = useMyCertificates();
  if (certificates.isError)
    return <LoadError error={certificates.error} onRetry={() => certificates.refetch()} />;
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Typography.Text>{t('certificates.ownNote')}</Typography.Text>
      <CertificateTable items={certificates.data?.items} loading={certificates.isPending} />
    </Flex>
  );
}
