import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex
      justify="center"
      align="center"
      gap={12}
      style={{ minHeight: fullPage ? '100vh' : 160 }}
      role="status"
      aria-live="polite"
    >
      <Spin />
      <span>{t('common.loading')}</span>
    </Flex>
  );
}
