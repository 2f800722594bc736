import { coreMessages } from './messages/core.js';
import { customerMessages } from './messages/customers.js';
import { mailTemplateMessages } from './messages/mail-templates.js';
import { tenantMessages } from './messages/tenant.js';
import type { Locale } from './roles.js';

/**
 * The one home of the messages shared by server answers and browser forms (validation, errors,
 * password rules), keyed by the codes used in zod schemas and error bodies: the parts in
 * common/messages/*.ts, merged here. The server translates with `translate()`; the web app merges
 * `sharedMessages` under its own UI-only texts (web/src/app/i18n), which define none of these keys.
 */
export const sharedMessages = {
  ja: { ...coreMessages.ja, ...customerMessages.ja, ...tenantMessages.ja, ...mailTemplateMessages.ja },
  en: { ...coreMessages.en, ...customerMessages.en, ...tenantMessages.en, ...mailTemplateMessages.en },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof sharedMessages)['ja'];

/**
 * A field message is an i18n key, or a key and one argument after a colon
 * (`validation.unknownPlaceholder:{{Foo}}`): the argument fills the message's `{value}`.
 */
export function splitFieldMessage(message: string): { key: string; value?: string } {
  const colon = message.indexOf(':');
  if (colon < 0 || !message.startsWith('validation.')) return { key: message };
  return { key: message.slice(0, colon), value: message.slice(colon + 1) };
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const table: Record<string, string> = sharedMessages[locale];
  const text = table[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}
