import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { saveFile } from './saveFile.js';

/** The ten recovery codes, shown once: copy all, or download them as a text file. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const text = codes.join('\n');
  return (
    <>
      <Alert type="warning" showIcon title={t('mfa.recovery.once')} style={{ marginBottom: 16 }} />
      <ul className="mg-recovery-codes" data-testid="recovery-codes" aria-label={t('mfa.recovery.title')}>
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code>{code}</Typography.Text>
          </li>
        ))}
      </ul>
      <Flex gap={8} wrap>
        <Typography.Text copyable={{ text, tooltips: [t('mfa.recovery.copy'), t('mfa.recovery.copied')] }}>
          {t('mfa.recovery.copy')}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() =>
            saveFile('madoguchi-recovery-codes.txt', new Blob([`${text}\n`], { type: 'text/plain' }))
          }
        >
          {t('mfa.recovery.download')}
        </Button>
      </Flex>
    </>
  );
}
