import { z } from 'zod';
import type { Wire } from './contracts.js';
import { email, requiredText, text, typeError } from './schemas.js';

/**
 * Tenant settings (PP-4), the support page and additional application fields the operator sets
 * per tenant (PP-8, OP-1), notification addresses (PP-6) and the cross-tenant search (PP-1):
 * request schemas shared by the browser forms and the server, and the answers. Messages are
 * `validation.*` keys (common/messages/tenant.ts).
 */
export const tenantSettingsLimits = {
  /** 顧客作成後、契約数確認機能の対象外とする日数 (`001 §5.4.1`): 0–99, default 20. */
  exemptDaysMin: 0,
  exemptDaysMax: 99,
  exemptDaysDefault: 20,
  referrerUrls: 20,
  url: 255,
  links: 20,
  linkName: 100,
  linkDescription: 255,
  applicationFields: 20,
  applicationFieldName: 40,
  options: 20,
  optionLength: 40,
  notificationAddresses: 3,
  /** テナント横断検索 (`001 §4.1`): company name ≤40, phone digits ≤15; at most 10 rows shown. */
  searchName: 40,
  searchPhone: 15,
  searchRows: 10,
} as const;

const L = tenantSettingsLimits;

/** An absolute http(s) URL with a host, as typed (no spaces). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * サービス申込みページアクセス許可URL: scheme and host (and port) only, e.g.
 * `https://www.example.co.jp/` — "ディレクトリ名は付けしないでください". The stored form ends in `/`
 * so that a prefix match on the referrer cannot accept `https://www.example.co.jp.evil.test`.
 */
export function normalizeReferrerUrl(value: string): string | null {
  if (!/^https?:\/\/[^\s/?#@]+\/?$/i.test(value) || !isHttpUrl(value)) return null;
  const url = new URL(value);
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return `${url.protocol}//${url.host}/`;
}

export const httpUrl = (max: number = L.url) =>
  requiredText(max).refine((v) => v === '' || isHttpUrl(v), { error: 'validation.webUrl' });

export const referrerUrl = requiredText(L.url)
  .refine((v) => v === '' || normalizeReferrerUrl(v) !== null, { error: 'validation.referrerUrl' })
  .transform((v) => normalizeReferrerUrl(v)!);

const isoDate = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .refine(
    (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.toISOString().slice(0, 10) === v;
    },
    { error: 'validation.publishedOn' },
  );

export const tenantLink = z.strictObject({
  name: requiredText(L.linkName),
  url: httpUrl(),
  description: requiredText(L.linkDescription),
  publishedOn: isoDate,
});
export type TenantLink = z.infer<typeof tenantLink>;

/** Marks every later repetition of a value in a list (case-insensitive) on its own field. */
function refuseDuplicates<T>(
  key: (item: T) => string,
  path: (i: number) => (string | number)[],
  error: string,
) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item).toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: path(i), message: error });
      seen.add(k);
    });
  };
}

/** PUT /api/partner/tenant-settings: every field required; the lists replace the stored ones. */
export const tenantSettingsBody = z.strictObject({
  utmApplicationEnabled: z.boolean({ error: typeError }),
  contractCheckExemptDays: z
    .number({ error: typeError })
    .int({ error: 'validation.exemptDaysRange' })
    .min(L.exemptDaysMin, { error: 'validation.exemptDaysRange' })
    .max(L.exemptDaysMax, { error: 'validation.exemptDaysRange' }),
  referrerUrls: z
    .array(referrerUrl, { error: typeError })
    .max(L.referrerUrls, { error: 'validation.tooManyReferrerUrls' })
    .superRefine(
      refuseDuplicates(
        (u: string) => u,
        (i) => [i],
        'validation.duplicateUrl',
      ),
    ),
  links: z.array(tenantLink, { error: typeError }).max(L.links, { error: 'validation.tooManyLinks' }),
});
export type TenantSettingsBody = z.input<typeof tenantSettingsBody>;

export const applicationFieldTypes = ['text', 'select'] as const;
export type ApplicationFieldType = (typeof applicationFieldTypes)[number];

/** サービス利用申請情報 追加項目 (OP-1): text, or select with 1–20 options. */
export const applicationField = z
  .strictObject({
    name: requiredText(L.applicationFieldName),
    required: z.boolean({ error: typeError }),
    type: z.enum(applicationFieldTypes, { error: 'validation.invalid' }),
    options: z
      .array(requiredText(L.optionLength), { error: typeError })
      .max(L.options, { error: 'validation.tooManyOptions' }),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'select' && f.options.length === 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.optionsRequired' });
    if (f.type === 'text' && f.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.textHasNoOptions' });
    refuseDuplicates(
      (o: string) => o,
      (i) => ['options', i],
      'validation.duplicateOption',
    )(f.options, ctx);
  });
export type ApplicationField = z.infer<typeof applicationField>;

/** PUT /api/operator/tenants/:tenantId/application-fields: the whole list, in display order. */
export const applicationFieldsBody = z.strictObject({
  fields: z
    .array(applicationField, { error: typeError })
    .max(L.applicationFields, { error: 'validation.tooManyApplicationFields' })
    .superRefine(
      refuseDuplicates(
        (f: ApplicationField) => f.name,
        (i) => [i, 'name'],
        'validation.duplicateFieldName',
      ),
    ),
});
export type ApplicationFieldsBody = z.input<typeof applicationFieldsBody>;

/** An optional text: '' (or absent) means "none". */
const optionalText = (max: number) =>
  text({ error: 'validation.invalid' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .optional()
    .transform((v) => v ?? '');

/** PUT /api/operator/tenants/:tenantId/support-page (PP-8): '' clears a value. */
export const supportPageBody = z.strictObject({
  manualsUrl: text()
    .trim()
    .max(L.url, { error: 'validation.tooLong' })
    .refine((v) => v === '' || isHttpUrl(v), { error: 'validation.webUrl' }),
  contactEmail: text()
    .trim()
    .max(255, { error: 'validation.tooLong' })
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' }),
});
export type SupportPageBody = z.input<typeof supportPageBody>;

const optionalEmail = optionalText(255).refine((v) => v === '' || z.email().safeParse(v).success, {
  error: 'validation.email',
});

/**
 * PUT /api/partner/notification-addresses (PP-6): address 1 required, 2 and 3 optional ('' or
 * absent removes them). Which confirm fields are needed depends on the stored addresses: see
 * `notificationConfirmErrors`.
 */
export const notificationAddressesBody = z
  .strictObject({
    email1: email,
    email1Confirm: optionalText(255),
    email2: optionalEmail,
    email2Confirm: optionalText(255),
    email3: optionalEmail,
    email3Confirm: optionalText(255),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    for (const n of [1, 2, 3] as const) {
      const value = b[`email${n}`].toLowerCase();
      if (value === '') continue;
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', path: [`email${n}`], message: 'validation.duplicateAddress' });
      seen.add(value);
    }
  });
export type NotificationAddressesBody = z.input<typeof notificationAddressesBody>;
export type NotificationAddressesInput = z.output<typeof notificationAddressesBody>;

/** The addresses of the form in slot order (1 … 3), '' for an empty slot. */
export const addressesOf = (b: NotificationAddressesInput) => [b.email1, b.email2, b.email3] as const;

/**
 * メールアドレス確認: a new or changed address must be typed again in its confirm field.
 * `stored[i]` is the address now in slot i + 1 (null when empty). Answers field → message key.
 */
export function notificationConfirmErrors(
  body: NotificationAddressesInput,
  stored: readonly (string | null)[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const n of [1, 2, 3] as const) {
    const value = body[`email${n}`];
    if (value === '' || value === (stored[n - 1] ?? null)) continue;
    const confirm = body[`email${n}Confirm`];
    if (confirm === '') errors[`email${n}Confirm`] = 'validation.required';
    else if (confirm !== value) errors[`email${n}Confirm`] = 'validation.emailConfirmMismatch';
  }
  return errors;
}

export const searchByValues = ['name', 'phone'] as const;
export type SearchBy = (typeof searchByValues)[number];

/** GET /api/partner/cross-tenant-search?by=name|phone&q= — name partial ≤40, phone exact digits ≤15. */
export const crossTenantSearchQuery = z
  .strictObject({
    by: z.enum(searchByValues, { error: 'validation.invalid' }),
    q: text().trim().min(1, { error: 'validation.required' }),
  })
  .superRefine((v, ctx) => {
    if (v.by === 'name' && v.q.length > L.searchName)
      ctx.addIssue({ code: 'custom', path: ['q'], message: 'validation.tooLong' });
    if (v.by === 'phone') {
      if (!/^[0-9]+$/.test(v.q))
        ctx.addIssue({ code: 'custom', path: ['q'], message: 'validation.searchPhoneDigits' });
      else if (v.q.length > L.searchPhone)
        ctx.addIssue({ code: 'custom', path: ['q'], message: 'validation.tooLong' });
    }
  });
export type CrossTenantSearchQuery = z.infer<typeof crossTenantSearchQuery>;

/** Answers. */

export const applicationFieldViewSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  type: z.enum(applicationFieldTypes),
  options: z.array(z.string()),
});

/** GET and PUT /api/partner/tenant-settings. */
export const tenantSettingsSchema = z.object({
  utmApplicationEnabled: z.boolean(),
  contractCheckExemptDays: z.number(),
  referrerUrls: z.array(z.string()),
  links: z.array(
    z.object({ name: z.string(), url: z.string(), description: z.string(), publishedOn: z.string() }),
  ),
  applicationFields: z.array(applicationFieldViewSchema),
});
export type TenantSettings = Wire<typeof tenantSettingsSchema>;

/** GET /api/partner/support (PP-8). */
export const supportInfoSchema = z.object({
  manualsUrl: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type SupportInfo = Wire<typeof supportInfoSchema>;

/** GET /api/operator/tenants/:tenantId/settings and the operator's saves (OP-1). */
export const operatorTenantSettingsSchema = z.object({
  applicationFields: z.array(applicationFieldViewSchema),
  manualsUrl: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type OperatorTenantSettings = Wire<typeof operatorTenantSettingsSchema>;

export const notificationAddressSchema = z.object({
  slot: z.number(),
  email: z.string(),
  verified: z.boolean(),
});
export type NotificationAddress = Wire<typeof notificationAddressSchema>;

/** GET /api/partner/notification-addresses. */
export const notificationAddressesSchema = z.object({
  addresses: z.array(notificationAddressSchema),
  anyVerified: z.boolean(),
});
export type NotificationAddresses = Wire<typeof notificationAddressesSchema>;

/** PUT /api/partner/notification-addresses: the addresses and where a verification mail went. */
export const savedNotificationAddressesSchema = notificationAddressesSchema.extend({
  verificationSentTo: z.array(z.string()),
});
export type SavedNotificationAddresses = Wire<typeof savedNotificationAddressesSchema>;

/** GET /api/notification-addresses/verify/:token. */
export const verificationInfoSchema = z.object({
  email: z.string(),
  tenantCode: z.string(),
  tenantName: z.string(),
});
export type VerificationInfo = Wire<typeof verificationInfoSchema>;

/** POST /api/notification-addresses/verify/:token: the address now verified. */
export const verifiedAddressSchema = z.object({ email: z.string() });
export type VerifiedAddress = Wire<typeof verifiedAddressSchema>;

/** One hit of the cross-tenant search (PP-1). */
export const crossTenantHitSchema = z.object({
  tenantId: z.string(),
  tenantCode: z.string(),
  tenantName: z.string(),
  customerId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
});
export type CrossTenantHit = Wire<typeof crossTenantHitSchema>;

/** GET /api/partner/cross-tenant-search: the first hits and how many there are. */
export const crossTenantResultSchema = z.object({ total: z.number(), items: z.array(crossTenantHitSchema) });
export type CrossTenantResult = Wire<typeof crossTenantResultSchema>;
