import { z } from 'zod';
import type { Wire } from './contracts.js';
import { email, requiredText, text } from './schemas.js';

/**
 * 顧客のログインユーザ (CU-6, `001 §7.4.4`): the create / edit form, shared by the browser and the
 * server. An edit sends the whole form too; the server refuses it when nothing changed.
 */

export const customerUserLimits = {
  familyName: 256,
  givenName: 256,
  email: 255,
  /** 携帯番号: half-width digits only. */
  mobile: 11,
} as const;

/** 携帯番号 (optional): at most 11 half-width digits; blank means none (stored as null). */
const mobile = text()
  .trim()
  .max(customerUserLimits.mobile, { error: 'validation.tooLong' })
  .regex(/^[0-9]*$/, { error: 'validation.phoneDigits' })
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const customerUserBody = z.strictObject({
  familyName: requiredText(customerUserLimits.familyName),
  givenName: requiredText(customerUserLimits.givenName),
  email,
  mobile,
});
export type CustomerUserBody = z.output<typeof customerUserBody>;
export type CustomerUserBodyInput = z.input<typeof customerUserBody>;

/** 氏名 as stored in `users.name`: family and given name with one space. */
export const customerUserName = (v: { familyName: string; givenName: string }) =>
  `${v.familyName} ${v.givenName}`;

export const customerUserStatuses = ['invited', 'active', 'disabled'] as const;
export type CustomerUserStatus = (typeof customerUserStatuses)[number];

/** A login user of a customer organisation (ユーザID like YW499776): a row of the list, and the detail. */
export const customerUserSchema = z.object({
  id: z.string(),
  code: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  status: z.enum(customerUserStatuses),
  invitationExpired: z.boolean(),
});
export type CustomerUser = Wire<typeof customerUserSchema>;

/** GET /api/partner/customers/:customerId/users. */
export const customerUserListSchema = z.object({ items: z.array(customerUserSchema) });
export type CustomerUserList = Wire<typeof customerUserListSchema>;

/** POST /api/partner/customers/:customerId/users → 201: the new user and its ユーザID. */
export const createdCustomerUserSchema = z.object({ id: z.string(), code: z.string() });
export type CreatedCustomerUser = Wire<typeof createdCustomerUserSchema>;
