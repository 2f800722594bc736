import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText.js';

type Props = { error: unknown; onRetry?: () => void; fullPage?: boolean };

/** A failed load: the error text and a way to try again. */
export function LoadError({ error, onRetry, fullPage = false }: Props) {
  const { t } = useTranslation();
  const result = (
    <Result
      status="warning"
      title={t('common.loadError')}
      subTitle={errorText(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
  return fullPage ? <main>{result}</main> : result;
}
