import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';
import { prefectures } from './prefectures.js';
import { email, requiredText, text } from './schemas.js';

/**
 * 顧客 (CU-1 … CU-3, `001 §7.1–§7.3`): the create / edit form and the list query, shared by the
 * browser and the server. Messages are `validation.*` keys translated on both sides.
 */

/** Field limits of `001 §7.2`. */
export const customerLimits = {
  name: 40,
  memo: 255,
  contactName: 100,
  department: 40,
  title: 255,
  email: 255,
  address: 100,
  phone: 15,
} as const;

export const customerStatuses = ['draft', 'active', 'cancelled'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

/** 郵便番号: 7 half-width digits, or 3 digits, a half-width hyphen and 4 digits. */
const postalCodeInput = /^([0-9]{3})-?([0-9]{4})$/;
export const isPostalCode = (v: string) => postalCodeInput.test(v);
/** `7331234` or `733-1234` → `733-1234`; anything else → null. */
export function normalizePostalCode(v: string): string | null {
  const m = postalCodeInput.exec(v.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Optional free text: blank means "not given" (forms send ''), stored as null. */
const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  text(opts)
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

const postalCode = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .refine((v) => v === '' || isPostalCode(v), { error: 'validation.postalCode' })
  .transform((v) => normalizePostalCode(v) ?? v);

const prefecture = z.enum(prefectures, {
  error: (issue) =>
    issue.input === undefined ||
    issue.input === null ||
    (typeof issue.input === 'string' && !issue.input.trim())
      ? 'validation.required'
      : 'validation.prefecture',
});

/** 電話番号: half-width digits only (no hyphens), at most 15. */
const phone = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(customerLimits.phone, { error: 'validation.tooLong' })
  .regex(/^[0-9]*$/, { error: 'validation.phoneDigits' });

/** 顧客作成 / 顧客情報変更: the whole form (an edit sends every field too). */
export const customerBody = z.strictObject({
  name: requiredText(customerLimits.name),
  memo1: optionalText(customerLimits.memo, { multiline: true }),
  memo2: optionalText(customerLimits.memo, { multiline: true }),
  memo3: optionalText(customerLimits.memo, { multiline: true }),
  contactFamilyName: requiredText(customerLimits.contactName),
  contactGivenName: requiredText(customerLimits.contactName),
  department: optionalText(customerLimits.department),
  title: optionalText(customerLimits.title),
  email,
  postalCode,
  prefecture,
  address: requiredText(customerLimits.address),
  phone,
});
/** What the form holds / sends. */
export type CustomerBodyInput = z.input<typeof customerBody>;
/** After validation: trimmed, optional blanks as null, postal code as `NNN-NNNN`. */
export type CustomerBody = z.output<typeof customerBody>;

export const customerSortKeys = ['code', 'name', 'balance', 'lastBilledOn', 'status'] as const;
export const balanceOps = ['eq', 'ne', 'gte', 'lte'] as const;
export type BalanceOp = (typeof balanceOps)[number];
export const customerStatusFilters = ['all', ...customerStatuses] as const;

/** A blank query parameter (`?name=`) means "no filter". */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const isDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** 顧客管理 list (CU-1): paging, sorting and every filter of `001 §7.1`. */
export const customerListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(customerSortKeys, { error: 'validation.invalid' }).default('code'),
  order: z.enum(['asc', 'desc'], { error: 'validation.invalid' }).default('desc'),
  /** 会社ID, partial. */
  code: z.preprocess(
    blankAsUndefined,
    text({ error: 'validation.invalid' }).trim().max(9, { error: 'validation.tooLong' }).optional(),
  ),
  /** 会社名, partial. */
  name: z.preprocess(
    blankAsUndefined,
    text({ error: 'validation.invalid' })
      .trim()
      .max(customerLimits.name, { error: 'validation.tooLong' })
      .optional(),
  ),
  /** 残高: 一致 / 不一致 / 以上 / 以下 (eq when only the amount is given). */
  balanceOp: z.preprocess(blankAsUndefined, z.enum(balanceOps, { error: 'validation.invalid' }).optional()),
  balance: z.preprocess(
    blankAsUndefined,
    text({ error: 'validation.invalid' })
      .trim()
      .regex(/^-?[0-9]{1,15}$/, { error: 'validation.invalid' })
      .transform((v) => Number(v))
      .optional(),
  ),
  /** 最終請求日 (YYYY-MM-DD). */
  lastBilledOn: z.preprocess(
    blankAsUndefined,
    text({ error: 'validation.invalid' }).refine(isDate, { error: 'validation.invalid' }).optional(),
  ),
  status: z.preprocess(
    blankAsUndefined,
    z.enum(customerStatusFilters, { error: 'validation.invalid' }).default('all'),
  ),
});
export type CustomerListQuery = z.output<typeof customerListQuery>;

export const customerDeletionBlockers = ['contracts', 'devices'] as const;
export type CustomerDeletionBlocker = (typeof customerDeletionBlockers)[number];

/** One row of the list (answer of `GET /api/partner/customers`). */
export const customerListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  balance: z.number(),
  lastBilledOn: z.string().nullable(),
  status: z.enum(customerStatuses),
});
export type CustomerListItem = Wire<typeof customerListItemSchema>;

export const customerListSchema = z.object({ items: z.array(customerListItemSchema), total: z.number() });
export type CustomerList = Wire<typeof customerListSchema>;

/** The detail (answer of `GET` and `PATCH /api/partner/customers/:customerId`). */
export const customerDetailSchema = customerListItemSchema.extend({
  memo1: z.string().nullable(),
  memo2: z.string().nullable(),
  memo3: z.string().nullable(),
  contactFamilyName: z.string(),
  contactGivenName: z.string(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string(),
  postalCode: z.string(),
  prefecture: z.string(),
  address: z.string(),
  phone: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletionBlockers: z.array(z.enum(customerDeletionBlockers)),
});
export type CustomerDetail = Wire<typeof customerDetailSchema>;

/** `POST /api/partner/customers` → 201: the new customer and its 会社ID. */
export const createdCustomerSchema = z.object({ id: z.string(), code: z.string() });
export type CreatedCustomer = Wire<typeof createdCustomerSchema>;

/** 郵便番号 lookup (`GET /api/postal-codes/:postalCode`). */
export const postalAddressSchema = z.object({
  postalCode: z.string(),
  prefecture: z.string(),
  address: z.string(),
});
export type PostalAddress = Wire<typeof postalAddressSchema>;
