import { z } from 'zod';
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

/** 氏名 as stored in `users.name`: family and given name with one space. */
export const customerUserName = (v: { familyName: string; givenName: string }) =>
  `${v.familyName} ${v.givenName}`;
