import { Alert, Typography } from 'antd';

type Props = { warning: string; secret: string; testId: string };

/** A secret the server shows once (temporary password, certificate password): a warning and the copyable text. */
export function ShownOnceSecret({ warning, secret, testId }: Props) {
  return (
    <>
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        <Typography.Text code copyable={{ text: secret }} data-testid={testId} style={{ fontSize: 18 }}>
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
    </>
  );
}
