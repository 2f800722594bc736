import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sharedMessages } from '../../../../common/messages.js';
import { type Locale, locales } from '../../../../common/roles.js';
import { setRequestLanguage } from '../../api/client.js';
import { certificateEn, certificateJa } from './certificateMessages.js';
import { customerEn, customerJa } from './customerMessages.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { mailTemplateEn, mailTemplateJa } from './mailTemplateMessages.js';
import { mfaEn, mfaJa } from './mfaMessages.js';
import { tenantSettingsEn, tenantSettingsJa } from './tenantSettingsMessages.js';

const storageKey = 'madoguchi.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language chosen on this browser before login (Japanese unless the user switched). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : 'ja';
  } catch {
    return 'ja';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  setRequestLanguage(lng);
  dayjs.locale(lng === 'ja' ? 'ja' : 'en');
}

export function setupI18n() {
  const initial = storedLocale();
  i18next.on('languageChanged', applyDocumentLanguage);
  void i18next.use(initReactI18next).init({
    resources: {
      ja: {
        translation: {
          ...sharedMessages.ja,
          ...ja,
          ...mfaJa,
          ...certificateJa,
          ...customerJa,
          ...tenantSettingsJa,
          ...mailTemplateJa,
        },
      },
      en: {
        translation: {
          ...sharedMessages.en,
          ...en,
          ...mfaEn,
          ...certificateEn,
          ...customerEn,
          ...tenantSettingsEn,
          ...mailTemplateEn,
        },
      },
    },
    lng: initial,
    fallbackLng: 'ja',
    supportedLngs: [...locales],
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(initial);
  return i18next;
}
