import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../common/roles.js';
import { useLoadedSession, useSaveLocale } from '../api/session.js';
import { errorText } from '../components/errorText.js';
import { isLocale, storeLocale } from './i18n/setup.js';

/** The UI language and a switch that remembers it per user (logged in) or per browser. */
export function useLanguage() {
  const { i18n, t } = useTranslation();
  const session = useLoadedSession();
  const save = useSaveLocale();
  const { message } = App.useApp();
  const language: Locale = isLocale(i18n.language) ? i18n.language : 'ja';

  const change = (locale: Locale) => {
    storeLocale(locale);
    void i18n.changeLanguage(locale);
    if (session.user) {
      save.mutate(locale, { onError: (error) => void message.error(errorText(error, t)) });
    }
  };
  return { language, change };
}
