import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme.js';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.js';

/**
 * antd theme, locale (following the UI language) and the App context for modal/message;
 * animations are off for users who prefer reduced motion.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const themeConfig = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : jaJP}
      theme={themeConfig}
      button={{ autoInsertSpace: false }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
