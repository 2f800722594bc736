import type { Locale } from '../../../common/roles.js';

export type Rendered = { subject: string; body: string };

/**
 * One of the portal's own mails, in every language. The texts live with the module that sends
 * them (`modules/<area>/mails.ts`) and are passed to `queueMail()`; `name` is kept on the outbox row
 * (mailbox, support). The platform holds only the renderer.
 */
export type MailTemplate<V> = { readonly name: string } & Readonly<Record<Locale, (vars: V) => Rendered>>;

/** The closing line of most of the portal's own mails. */
export const mailFooter = {
  ja: '本メールはシステムより自動送信されたものです。返信はできません。',
  en: 'This message was sent automatically. Please do not reply.',
} as const satisfies Record<Locale, string>;

/** The closing lines of the notices (lockout, address verification): send-only address, not expected. */
export const sendOnlyClosing = {
  ja: [
    '※当メールは送信専用メールアドレスから配信されています。このままご返信いただきましてもお答えできませんのでご了承ください。',
    '※当メールに心当たりの無い場合は、誠に恐れ入りますが破棄していただけますよう、よろしくお願いいたします。',
    '',
    '以上、よろしくお願いいたします。',
  ],
  en: [
    'This message was sent from a send-only address; replies are not read.',
    'If you did not expect this message, please discard it.',
  ],
} as const satisfies Record<Locale, readonly string[]>;

export function renderMail<V>(template: MailTemplate<V>, locale: Locale, vars: V): Rendered {
  return template[locale](vars);
}
