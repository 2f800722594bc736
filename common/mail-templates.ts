import { z } from 'zod';
import type { Wire } from './contracts.js';
import type { Locale } from './roles.js';
import { text, typeError } from './schemas.js';

/**
 * The mails (and one SMS) a partner tenant sends to its customers (PP-7, `001 §5.4.3`): the 12
 * template keys, their names, the placeholders each may use, and the schema of an edited text,
 * shared by the server and the edit form. Default texts live on the server
 * (`server/modules/mail-templates/defaults.ts`).
 */

export const mailTemplateKeys = [
  'application_confirmation',
  'application_completed',
  'application_result',
  'utm_application_completed',
  'utm_application_result',
  'portal_user_provisional',
  'password_reset_mail',
  'password_reset_sms',
  'utm_arrival_date',
  'utm_tracking_number',
  'utm_reboot_scheduled',
  'utm_reboot_cancelled',
] as const;
export type MailTemplateKey = (typeof mailTemplateKeys)[number];

export function isMailTemplateKey(value: string): value is MailTemplateKey {
  return (mailTemplateKeys as readonly string[]).includes(value);
}

/** Every placeholder any template may use, with what it is replaced by. */
export const placeholderDescriptions = {
  TenantName: { ja: 'テナント名(送信元のパートナー)', en: 'Tenant name (the sending partner)' },
  CompanyName: { ja: '顧客企業名', en: 'Customer company name' },
  ContactName: { ja: '顧客企業の担当者氏名', en: "Name of the customer's contact person" },
  UserName: { ja: 'ログインユーザの氏名', en: "Login user's name" },
  UserId: { ja: 'ログインユーザのユーザID', en: "Login user's user ID" },
  Email: { ja: '宛先のメールアドレス', en: "Recipient's e-mail address" },
  Url: { ja: '手続き用のURL', en: 'URL of the procedure' },
  ExpiresAt: { ja: 'URLの有効期限(日時)', en: 'Expiry of the URL (date and time)' },
  LoginUrl: { ja: '顧客向けポータルのログイン画面URL', en: 'Login page of the customer portal' },
  ApplicationNumber: { ja: '申請番号', en: 'Application number' },
  ServiceName: { ja: '申込みサービス名', en: 'Name of the service applied for' },
  StartDate: { ja: '利用開始日', en: 'Service start date' },
  Result: { ja: '審査結果(承認 / 却下)', en: 'Result of the review (approved / rejected)' },
  ResultComment: { ja: '審査結果のコメント', en: 'Comment on the result' },
  UtmId: { ja: 'UTM ID', en: 'UTM ID' },
  ArrivalDate: { ja: 'UTM着荷予定日', en: 'Expected UTM arrival date' },
  Carrier: { ja: '配送業者', en: 'Carrier' },
  TrackingNumber: { ja: '配送伝票番号', en: 'Tracking number' },
  RebootAt: { ja: 'UTM再起動予定日時', en: 'Scheduled UTM reboot (date and time)' },
} as const satisfies Record<string, Record<Locale, string>>;
export type PlaceholderName = keyof typeof placeholderDescriptions;

type Definition = {
  name: Record<Locale, string>;
  /** An SMS: no subject, a short body. */
  sms: boolean;
  placeholders: readonly PlaceholderName[];
};

export const mailTemplateDefinitions = {
  application_confirmation: {
    name: { ja: 'サービス申込み確認', en: 'Service application: confirm address' },
    sms: false,
    placeholders: ['CompanyName', 'ContactName', 'ApplicationNumber', 'Url', 'ExpiresAt', 'TenantName'],
  },
  application_completed: {
    name: { ja: 'サービス申込み完了', en: 'Service application received' },
    sms: false,
    placeholders: [
      'CompanyName',
      'ContactName',
      'ApplicationNumber',
      'ServiceName',
      'StartDate',
      'TenantName',
    ],
  },
  application_result: {
    name: { ja: 'サービス申込み結果', en: 'Service application result' },
    sms: false,
    placeholders: [
      'CompanyName',
      'ContactName',
      'ApplicationNumber',
      'ServiceName',
      'Result',
      'ResultComment',
      'LoginUrl',
      'TenantName',
    ],
  },
  utm_application_completed: {
    name: { ja: 'UTM追加申込み完了', en: 'Additional UTM application received' },
    sms: false,
    placeholders: ['CompanyName', 'ContactName', 'ApplicationNumber', 'TenantName'],
  },
  utm_application_result: {
    name: { ja: 'UTM追加申込み結果', en: 'Additional UTM application result' },
    sms: false,
    placeholders: [
      'CompanyName',
      'ContactName',
      'ApplicationNumber',
      'Result',
      'ResultComment',
      'TenantName',
    ],
  },
  portal_user_provisional: {
    name: { ja: 'ポータルユーザ仮登録', en: 'Portal user provisional registration' },
    sms: false,
    placeholders: [
      'CompanyName',
      'UserName',
      'UserId',
      'Email',
      'Url',
      'ExpiresAt',
      'LoginUrl',
      'TenantName',
    ],
  },
  password_reset_mail: {
    name: { ja: 'パスワードリセット(Eメール)', en: 'Password reset (e-mail)' },
    sms: false,
    placeholders: [
      'CompanyName',
      'UserName',
      'UserId',
      'Email',
      'Url',
      'ExpiresAt',
      'LoginUrl',
      'TenantName',
    ],
  },
  password_reset_sms: {
    name: { ja: 'パスワードリセット(SMS)', en: 'Password reset (SMS)' },
    sms: true,
    placeholders: ['UserId', 'Url', 'ExpiresAt', 'TenantName'],
  },
  utm_arrival_date: {
    name: { ja: 'UTM着荷予定日のお知らせ', en: 'UTM arrival date' },
    sms: false,
    placeholders: ['CompanyName', 'ContactName', 'UtmId', 'ArrivalDate', 'TenantName'],
  },
  utm_tracking_number: {
    name: { ja: 'UTM伝票番号のお知らせ', en: 'UTM tracking number' },
    sms: false,
    placeholders: [
      'CompanyName',
      'ContactName',
      'UtmId',
      'Carrier',
      'TrackingNumber',
      'ArrivalDate',
      'TenantName',
    ],
  },
  utm_reboot_scheduled: {
    name: { ja: 'UTM再起動予定登録', en: 'UTM reboot scheduled' },
    sms: false,
    placeholders: ['CompanyName', 'ContactName', 'UtmId', 'RebootAt', 'TenantName'],
  },
  utm_reboot_cancelled: {
    name: { ja: 'UTM再起動予定取消', en: 'UTM reboot cancelled' },
    sms: false,
    placeholders: ['CompanyName', 'ContactName', 'UtmId', 'RebootAt', 'TenantName'],
  },
} as const satisfies Record<MailTemplateKey, Definition>;

/** The values a template of `key` is rendered with: one string per allowed placeholder. */
export type MailTemplateVars<K extends MailTemplateKey> = Record<
  (typeof mailTemplateDefinitions)[K]['placeholders'][number],
  string
>;

export const mailTemplateLimits = { subject: 255, body: 10000, smsBody: 670 } as const;

/** `{{Name}}`, and anything else written between double braces (reported as unknown). */
const placeholderPattern = /\{\{([^{}]*)\}\}/g;

/** The placeholders of `text` that template `key` may not use, as written (`{{Foo}}`), each once. */
export function findUnknownPlaceholders(text: string, key: MailTemplateKey): string[] {
  const allowed: readonly string[] = mailTemplateDefinitions[key].placeholders;
  const unknown = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) {
    if (!allowed.includes(match[1]!)) unknown.add(match[0]);
  }
  return [...unknown];
}

/** Replaces every `{{Name}}` of `vars`; anything else stays as written. */
export function renderPlaceholders(text: string, vars: Partial<Record<string, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) => vars[name] ?? whole);
}

/**
 * A field message carrying its argument after a colon: translated as the key with `{value}`
 * replaced (`validation.unknownPlaceholder:{{Foo}}` → 「使用できない差し込み文字です: {{Foo}}」).
 */
export const unknownPlaceholderMessage = (placeholder: string) =>
  `validation.unknownPlaceholder:${placeholder}`;

const placeholdersKnown = (key: MailTemplateKey) => (text: string, ctx: z.RefinementCtx) => {
  for (const p of findUnknownPlaceholders(text, key)) {
    ctx.addIssue({ code: 'custom', message: unknownPlaceholderMessage(p) });
  }
};

/**
 * The edited text of template `key` in one language: subject required (≤255, one line) except
 * for the SMS, which has none (empty or null); body required (≤10,000, the SMS ≤670); only the
 * template's placeholders.
 */
export function mailTemplateBody(key: MailTemplateKey) {
  const sms = mailTemplateDefinitions[key].sms;
  const subject = sms
    ? text({ error: 'validation.invalid' })
        .max(0, { error: 'validation.invalid' })
        .nullable()
        .transform(() => '')
    : text()
        .trim()
        .min(1, { error: 'validation.required' })
        .max(mailTemplateLimits.subject, { error: 'validation.tooLong' })
        .regex(/^[^\r\n]*$/, { error: 'validation.invalid' })
        .superRefine(placeholdersKnown(key));
  const body = text({ multiline: true })
    .refine((v) => v.trim().length > 0, { error: 'validation.required' })
    .refine((v) => v.length <= (sms ? mailTemplateLimits.smsBody : mailTemplateLimits.body), {
      error: 'validation.tooLong',
    })
    .superRefine(placeholdersKnown(key));
  return z.strictObject({ subject, body });
}
export type MailTemplateBody = z.output<ReturnType<typeof mailTemplateBody>>;

/**
 * The shape every template's text has, checked by the route before the template's own rules
 * (`mailTemplateBody`): both fields present, the subject null only for the SMS.
 */
export const mailTemplateText = z.strictObject({
  subject: text().nullable(),
  body: text({ multiline: true }),
});

export const mailTemplateLocale = z.enum(['ja', 'en'], { error: 'validation.invalid' });

export const mailTemplatePreviewBody = mailTemplateText.extend({ locale: mailTemplateLocale });

/** コピー: the chosen templates of the current tenant to the chosen other tenants. */
export const mailTemplateCopyBody = z.strictObject({
  templateKeys: z
    .array(z.enum(mailTemplateKeys, { error: 'validation.invalid' }), { error: typeError })
    .min(1, { error: 'validation.required' })
    .max(mailTemplateKeys.length, { error: 'validation.invalid' }),
  tenantIds: z
    .array(text({ error: 'validation.invalid' }).regex(/^\d{1,18}$/, { error: 'validation.invalid' }), {
      error: typeError,
    })
    .min(1, { error: 'validation.required' })
    .max(100, { error: 'validation.invalid' }),
});
export type MailTemplateCopyBody = z.infer<typeof mailTemplateCopyBody>;

/** Default text of the product, or the tenant's own. */
export const mailTemplateStatuses = ['default', 'custom'] as const;
export type MailTemplateStatus = (typeof mailTemplateStatuses)[number];
const status = z.enum(mailTemplateStatuses);

/** A row of GET /api/partner/mail-templates: the Japanese subject (custom or default; null for the SMS). */
export const mailTemplateListItemSchema = z.object({
  key: z.enum(mailTemplateKeys),
  name: z.string(),
  sms: z.boolean(),
  subject: z.string().nullable(),
  status,
  locales: z.object({ ja: status, en: status }),
});
export type MailTemplateListItem = Wire<typeof mailTemplateListItemSchema>;
export const mailTemplateListSchema = z.object({ items: z.array(mailTemplateListItemSchema) });
export type MailTemplateList = Wire<typeof mailTemplateListSchema>;

export const mailTemplatePlaceholderSchema = z.object({ name: z.string(), description: z.string() });
export type MailTemplatePlaceholder = Wire<typeof mailTemplatePlaceholderSchema>;

/** GET /api/partner/mail-templates/:templateKey and the save: one language's text. */
export const mailTemplateDetailSchema = z.object({
  key: z.enum(mailTemplateKeys),
  name: z.string(),
  locale: mailTemplateLocale,
  sms: z.boolean(),
  subject: z.string().nullable(),
  body: z.string(),
  status,
  placeholders: z.array(mailTemplatePlaceholderSchema),
});
export type MailTemplateDetail = Wire<typeof mailTemplateDetailSchema>;

/** The text rendered with sample data; an SMS has no subject. */
export const mailTemplatePreviewSchema = z.object({ subject: z.string().nullable(), body: z.string() });
export type MailTemplatePreview = Wire<typeof mailTemplatePreviewSchema>;

/** The user's other tenants the templates can be copied to. */
export const copyTargetSchema = z.object({ tenantId: z.string(), code: z.string(), name: z.string() });
export type CopyTarget = Wire<typeof copyTargetSchema>;
export const copyTargetListSchema = z.object({ items: z.array(copyTargetSchema) });
export type CopyTargetList = Wire<typeof copyTargetListSchema>;

/** POST /api/partner/mail-templates/copy: how many texts were copied. */
export const copiedTemplatesSchema = z.object({ copied: z.number() });
export type CopiedTemplates = Wire<typeof copiedTemplatesSchema>;
