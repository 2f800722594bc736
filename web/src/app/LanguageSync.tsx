import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';

/** After login the user's saved language drives the UI. */
export function LanguageSync() {
  const { data } = useSession();
  const { i18n } = useTranslation();
  const locale = data?.user?.locale;
  useEffect(() => {
    if (locale && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return null;
}
