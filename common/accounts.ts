import { z } from 'zod';
import type { Wire } from './contracts.js';
import { limits } from './limits.js';
import { mfaMethods } from './mfa-methods.js';
import { passwordInput, passwordMismatch, passwordsMatch } from './passwords.js';
import { locales, roles } from './roles.js';
import { email, requiredText, text, typeError } from './schemas.js';

/**
 * Request bodies of invitations (ID-6, ID-7), user administration (ID-17), user groups and the
 * self profile, shared by the browser forms and the server. Messages are `validation.*` keys.
 */

/** Optional free text: blank means "not given" (forms send ''), stored as null. */
const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  text(opts)
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((v) => (v === '' ? null : v))
    .nullish();

/** Half-width digits and hyphens, 10–15 digits once the hyphens are removed. */
export const isPhoneNumber = (v: string) => /^[0-9-]+$/.test(v) && /^\d{10,15}$/.test(v.replaceAll('-', ''));
const phoneText = text()
  .trim()
  .max(limits.phone, { error: 'validation.tooLong' })
  .refine((v) => v === '' || isPhoneNumber(v), { error: 'validation.phone' });
const requiredPhone = phoneText.refine((v) => v !== '', { error: 'validation.required' });
const optionalPhone = phoneText.transform((v) => (v === '' ? null : v)).nullish();

/**
 * The sign-up name rule (`001 §2.2`: ※全角 ※姓名間に全角空白): full-width characters only, and
 * exactly one full-width space between the family and the given name. Half-width katakana
 * (U+FF61–FF9F) and every ASCII character are half-width.
 */
export const isFullWidthName = (v: string) =>
  /^[^\p{ASCII}\uff61-\uff9f\s]+\u3000[^\p{ASCII}\uff61-\uff9f\s]+$/u.test(v);
const fullWidthName = requiredText(limits.personName).refine(isFullWidthName, {
  error: 'validation.fullWidthName',
});

let zones: Set<string> | undefined;
/** IANA zones the runtime knows, plus UTC (which `supportedValuesOf` leaves out). */
export function timeZones(): Set<string> {
  zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return zones;
}
const timeZone = text()
  .max(64, { error: 'validation.timeZone' })
  .refine((v) => timeZones().has(v), { error: 'validation.timeZone' });

const locale = z.enum(locales, { error: 'validation.invalid' });
const role = z.enum(roles, { error: 'validation.invalid' });
const id = text().regex(/^\d{1,18}$/, { error: 'validation.invalid' });
const idList = z.array(id, { error: typeError }).max(200, { error: 'validation.tooLong' });
/** 第2段階認証方式 (`002`): the method an admin requires; null: none required. */
const mfaMethod = z.enum(mfaMethods, { error: 'validation.invalid' }).nullable().optional();

/** 仮ユーザ登録 (ID-6, `001 §2.2`). */
export const signupAcceptBody = z
  .strictObject({
    password: passwordInput,
    passwordConfirm: passwordInput,
    name: fullWidthName,
    company: optionalText(limits.company),
    department: optionalText(limits.department),
    phone: optionalPhone,
    note: optionalText(limits.note, { multiline: true }),
  })
  .refine(passwordsMatch, passwordMismatch);
export type SignupAcceptBody = z.infer<typeof signupAcceptBody>;

/** 本人確認 (ID-7, `002` 初回ログイン ①): what the admin registered. */
export const identityCheckBody = z.strictObject({
  email,
  // as registered: up to 40 by an admin (`002`), family + given name of a customer login user (CU-6)
  name: requiredText(limits.fullName),
  phone: requiredText(limits.phone),
});
export type IdentityCheckBody = z.infer<typeof identityCheckBody>;

/** パスワード設定 (ID-7 ②): the identity check again, with the new password. */
export const activationAcceptBody = z
  .strictObject({ ...identityCheckBody.shape, password: passwordInput, passwordConfirm: passwordInput })
  .refine(passwordsMatch, passwordMismatch);
export type ActivationAcceptBody = z.infer<typeof activationAcceptBody>;

/** An invitation for an address that already has an account: only that account's password counts. */
export const existingAccountAcceptBody = z.object({ password: passwordInput });
export type ExistingAccountAcceptBody = z.infer<typeof existingAccountAcceptBody>;

/** ユーザー追加 (`002`). `role` must suit the organisation (checked on the server). */
export const addUserBody = z.strictObject({
  email,
  name: optionalText(limits.personName),
  title: optionalText(limits.title),
  phone: requiredPhone,
  mobile: optionalPhone,
  locale,
  timeZone,
  role,
  groupIds: idList.optional(),
  comment: optionalText(limits.comment, { multiline: true }),
  mfaMethod,
});
export type AddUserBody = z.infer<typeof addUserBody>;

export const updateUserBody = z
  .strictObject({
    name: requiredText(limits.personName).optional(),
    title: optionalText(limits.title),
    phone: requiredPhone.optional(),
    mobile: optionalPhone,
    locale: locale.optional(),
    timeZone: timeZone.optional(),
    role: role.optional(),
    groupIds: idList.optional(),
    comment: optionalText(limits.comment, { multiline: true }),
    mfaMethod,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    path: ['_'],
    error: 'validation.noChanges',
  });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const userStatuses = ['active', 'invited', 'expired', 'locked', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const userListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(['name', 'email', 'role', 'status', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: text({ error: 'validation.invalid' }).trim().max(limits.userSearch).optional(),
  status: z.enum(userStatuses).optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userGroupBody = z.strictObject({ name: requiredText(limits.groupName) });
export type UserGroupBody = z.infer<typeof userGroupBody>;

export const groupMembersBody = z.strictObject({ userIds: idList });
export type GroupMembersBody = z.infer<typeof groupMembersBody>;

/** What users change about themselves (`003` FAQ: time zone and phones are the user's own). */
export const profileUpdateBody = z
  .strictObject({
    name: requiredText(limits.personName).optional(),
    phone: optionalPhone,
    mobile: optionalPhone,
    locale: locale.optional(),
    timeZone: timeZone.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    path: ['_'],
    error: 'validation.noChanges',
  });
export type ProfileUpdateBody = z.infer<typeof profileUpdateBody>;

/** GET and PATCH /api/me/profile: the user's own account settings. */
export const profileSchema = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  locale: z.enum(locales),
  timeZone: z.string(),
});
export type Profile = Wire<typeof profileSchema>;
