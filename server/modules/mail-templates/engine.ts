import {
  type MailTemplateKey,
  type MailTemplateVars,
  mailTemplateDefinitions,
  type PlaceholderName,
  placeholderDescriptions,
  renderPlaceholders,
} from '../../../common/mail-templates.js';
import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import type { Jobs } from '../../platform/jobs.js';
import { insertOutbox } from '../../platform/mail/outbox.js';
import type { TemplateText } from './defaults.js';
import { loadTemplate } from './repository.js';

/**
 * The template engine of the mails to customers (PP-7): the tenant's own text of a template in
 * one language, or the product's default, rendered with `{{Name}}` placeholders and written to the
 * outbox in the caller's transaction. Every mail the product sends to customers goes through it.
 */

/** Subject and body with every placeholder replaced (a known name without a value becomes empty). */
export function renderTemplate(
  text: TemplateText,
  vars: Partial<Record<PlaceholderName, string>>,
): TemplateText {
  const values: Record<string, string> = {};
  for (const name of Object.keys(placeholderDescriptions) as PlaceholderName[])
    values[name] = vars[name] ?? '';
  return { subject: renderPlaceholders(text.subject, values), body: renderPlaceholders(text.body, values) };
}

type QueueInput<K extends MailTemplateKey> = {
  tenantId: string;
  template: K;
  to: string;
  locale: Locale;
  vars: MailTemplateVars<K>;
};

type MailKey = {
  [K in MailTemplateKey]: (typeof mailTemplateDefinitions)[K]['sms'] extends false ? K : never;
}[MailTemplateKey];
type SmsKey = Exclude<MailTemplateKey, MailKey>;

/** Renders the tenant's template `template` and queues it as a mail (outbox + delivery job). */
export async function queueTenantMail<K extends MailKey>(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  input: QueueInput<K>,
): Promise<string> {
  const stored = await loadTemplate(trx, input.tenantId, input.template, input.locale);
  const { subject, body } = renderTemplate(stored, input.vars);
  return insertOutbox(trx, deps, {
    channel: 'mail',
    to: input.to,
    locale: input.locale,
    template: input.template,
    subject,
    body,
    tenantId: input.tenantId,
  });
}

/** The SMS twin: renders the tenant's SMS template and queues it on the 'sms' channel. */
export async function queueTenantSms<K extends SmsKey>(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  input: QueueInput<K>,
): Promise<string> {
  const stored = await loadTemplate(trx, input.tenantId, input.template, input.locale);
  return insertOutbox(trx, deps, {
    channel: 'sms',
    to: input.to,
    locale: input.locale,
    template: input.template,
    subject: '',
    body: renderTemplate(stored, input.vars).body,
    tenantId: input.tenantId,
  });
}

/** What the preview fills the placeholders with (確認 screen, `001 §5.4.3 (2)`). */
export const sampleValues: Record<Locale, Record<PlaceholderName, string>> = {
  ja: {
    TenantName: 'SMBテナント',
    CompanyName: '△△株式会社',
    ContactName: '山田 太郎',
    UserName: '山田 太郎',
    UserId: 'YW499776',
    Email: 'yamada@example.co.jp',
    Url: 'https://portal.example.jp/invitations/xxxxxxxx',
    ExpiresAt: '2026/04/01 10:00',
    LoginUrl: 'https://portal.example.jp/login',
    ApplicationNumber: 'AP0001234',
    ServiceName: '見守りサービス',
    StartDate: '2026/04/01',
    Result: '承認',
    ResultComment: 'ご利用開始日からサービスをご利用いただけます。',
    UtmId: 'UTM0000123',
    ArrivalDate: '2026/04/10',
    Carrier: 'ヤマト運輸',
    TrackingNumber: '1234-5678-9012',
    RebootAt: '2026/04/15 02:00',
  },
  en: {
    TenantName: 'SMB Tenant',
    CompanyName: 'Sample Trading Co., Ltd.',
    ContactName: 'Taro Yamada',
    UserName: 'Taro Yamada',
    UserId: 'YW499776',
    Email: 'yamada@example.co.jp',
    Url: 'https://portal.example.jp/invitations/xxxxxxxx',
    ExpiresAt: '2026-04-01 10:00',
    LoginUrl: 'https://portal.example.jp/login',
    ApplicationNumber: 'AP0001234',
    ServiceName: 'Monitoring service',
    StartDate: '2026-04-01',
    Result: 'Approved',
    ResultComment: 'You can use the service from the start date.',
    UtmId: 'UTM0000123',
    ArrivalDate: '2026-04-10',
    Carrier: 'Yamato Transport',
    TrackingNumber: '1234-5678-9012',
    RebootAt: '2026-04-15 02:00',
  },
};

/** The text rendered with the sample values of the template's placeholders. */
export function renderSample(key: MailTemplateKey, locale: Locale, text: TemplateText): TemplateText {
  const vars: Partial<Record<PlaceholderName, string>> = {};
  for (const name of mailTemplateDefinitions[key].placeholders) vars[name] = sampleValues[locale][name];
  return renderTemplate(text, vars);
}
