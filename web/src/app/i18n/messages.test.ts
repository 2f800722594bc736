import { describe, expect, it } from 'vitest';
import { coreMessages } from '../../../../common/messages/core.js';
import { customerMessages } from '../../../../common/messages/customers.js';
import { mailTemplateMessages } from '../../../../common/messages/mail-templates.js';
import { tenantMessages } from '../../../../common/messages/tenant.js';
import { sharedMessages } from '../../../../common/messages.js';
import { certificateEn, certificateJa } from './certificateMessages.js';
import { customerEn, customerJa } from './customerMessages.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { mailTemplateEn, mailTemplateJa } from './mailTemplateMessages.js';
import { mfaEn, mfaJa } from './mfaMessages.js';
import { tenantSettingsEn, tenantSettingsJa } from './tenantSettingsMessages.js';

/** One home per message: the shared ones in common/messages, the UI-only ones here, no key twice. */
const sharedParts = { coreMessages, customerMessages, tenantMessages, mailTemplateMessages };
const webParts = {
  ja: [ja, mfaJa, certificateJa, customerJa, tenantSettingsJa, mailTemplateJa],
  en: [en, mfaEn, certificateEn, customerEn, tenantSettingsEn, mailTemplateEn],
};

const repeated = (tables: object[]) => {
  const seen = new Set<string>();
  return tables.flatMap((table) => Object.keys(table)).filter((key) => seen.has(key) || !seen.add(key));
};

describe.each(['ja', 'en'] as const)('messages (%s)', (locale) => {
  it('the parts of the shared messages define each key once, and the index merges them all', () => {
    const parts = Object.values(sharedParts).map((part) => part[locale]);
    expect(repeated(parts)).toEqual([]);
    expect(Object.keys(sharedMessages[locale]).sort()).toEqual(parts.flatMap((p) => Object.keys(p)).sort());
  });

  it('the web app defines no shared message key, and each of its own keys once', () => {
    const webKeys = webParts[locale].flatMap((table) => Object.keys(table));
    expect(webKeys.filter((key) => key in sharedMessages[locale])).toEqual([]);
    expect(repeated(webParts[locale])).toEqual([]);
  });

  it('both languages have the same keys', () => {
    expect(Object.keys(sharedMessages[locale]).sort()).toEqual(Object.keys(sharedMessages.ja).sort());
    const keys = (l: 'ja' | 'en') => webParts[l].flatMap((table) => Object.keys(table)).sort();
    expect(keys(locale)).toEqual(keys('ja'));
  });
});
