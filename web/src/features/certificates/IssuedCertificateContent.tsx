import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedCertificate } from '../../../../common/certificates.js';
import { ShownOnceSecret } from '../../components/secret/ShownOnceSecret.js';
import { base64Blob, saveFile } from '../../components/secret/saveFile.js';
import { useDateTime } from '../../components/useDateTime.js';

type Props = { certificate: IssuedCertificate; fileName: string };

/** A newly issued certificate: the PKCS#12 password shown once and the .p12 file to download. */
export function IssuedCertificateContent({ certificate, fileName }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <>
      <ShownOnceSecret
        warning={t('certificates.passwordOnce')}
        secret={certificate.p12Password}
        testId="p12-password"
      />
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('certificates.serial')}>{certificate.serial}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.expiresAt')}>
          {formatDateTime(certificate.notAfter)}
        </Descriptions.Item>
      </Descriptions>
      <Button
        type="primary"
        icon={<DownloadOutlined aria-hidden />}
        onClick={() => saveFile(fileName, base64Blob(certificate.p12Base64, 'application/x-pkcs12'))}
      >
        {t('certificates.download')}
      </Button>
    </>
  );
}
