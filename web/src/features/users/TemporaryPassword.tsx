import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The temporary password, shown once (it cannot be displayed again). */
export function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('users.tempPasswordOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        <Typography.Text
          code
          copyable={{ text: password }}
          data-testid="temporary-password"
          style={{ fontSize: 18 }}
        >
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </>
  );
}
