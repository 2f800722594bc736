import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';
import { limits } from './limits.js';
import { passwordPolicySchema } from './password-policy.js';
import { email, requiredText, text, typeError } from './schemas.js';

/**
 * Request bodies of password reset and change, terms publishing and the per-organisation
 * password policy (ID-3, ID-10, ID-11, ID-12), shared by the browser forms and the server.
 * The policy rules themselves (length, classes, history) are checked against the user's
 * organisations on the server; here only presence and size.
 */

/** A password as typed: required and never longer than the longest allowed (no truncation). */
export const passwordInput = text()
  .min(1, { error: 'validation.required' })
  .max(limits.password, { error: 'validation.tooLong' });

/** `.refine(passwordsMatch, passwordMismatch)`: the confirmation repeats the new password. */
export const passwordsMatch = <T extends { password: string; passwordConfirm: string }>(v: T) =>
  v.password === v.passwordConfirm;
export const passwordMismatch = { path: ['passwordConfirm'], error: 'validation.passwordMismatch' };

export const passwordResetRequestBody = z.strictObject({ email });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBody>;

export const passwordResetBody = z
  .strictObject({ password: passwordInput, passwordConfirm: passwordInput })
  .refine(passwordsMatch, passwordMismatch);
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

export const changePasswordBody = z
  .strictObject({ currentPassword: passwordInput, password: passwordInput, passwordConfirm: passwordInput })
  .refine(passwordsMatch, passwordMismatch);
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const publishTermsBody = z.strictObject({
  titleJa: requiredText(limits.termsTitle),
  titleEn: requiredText(limits.termsTitle),
  bodyJa: requiredText(limits.termsBody, { multiline: true }),
  bodyEn: requiredText(limits.termsBody, { multiline: true }),
});
export type PublishTermsBody = z.infer<typeof publishTermsBody>;

const intIn = (min: number, max: number, key: string) =>
  z
    .number({ error: typeError })
    .int({ error: 'validation.invalid' })
    .min(min, { error: key })
    .max(max, { error: key });

/** Where each policy number may be set; the manual's rule is the floor of the standard profile. */
export const policyRanges = {
  minLength: { min: 8, max: 64 },
  standardMinLength: 12,
  historyCount: { min: 0, max: 24 },
  lockoutThreshold: { min: 3, max: 20 },
  /** "Locked for at most 1 hour" (`001 §3.1`). */
  lockoutMinutes: { min: 1, max: 60 },
} as const;

const flag = z.boolean({ error: typeError });

export const passwordPolicyBody = z
  .strictObject({
    profile: z.enum(['standard', 'nist'], { error: typeError }),
    minLength: intIn(policyRanges.minLength.min, policyRanges.minLength.max, 'validation.minLengthRange'),
    requireLower: flag,
    requireUpper: flag,
    requireDigit: flag,
    requireSymbol: flag,
    historyCount: intIn(
      policyRanges.historyCount.min,
      policyRanges.historyCount.max,
      'validation.historyCountRange',
    ),
    lockoutThreshold: intIn(
      policyRanges.lockoutThreshold.min,
      policyRanges.lockoutThreshold.max,
      'validation.lockoutThresholdRange',
    ),
    lockoutMinutes: intIn(
      policyRanges.lockoutMinutes.min,
      policyRanges.lockoutMinutes.max,
      'validation.lockoutMinutesRange',
    ),
  })
  // Only for a length inside the range: below 8 the range message already says what is wrong.
  .refine(
    (v) =>
      v.profile !== 'standard' ||
      v.minLength >= policyRanges.standardMinLength ||
      v.minLength < policyRanges.minLength.min,
    {
      path: ['minLength'],
      error: 'validation.standardMinLength',
    },
  );
export type PasswordPolicyBody = z.infer<typeof passwordPolicyBody>;

/** GET and PUT /api/operator/organizations/:organizationId/password-policy. */
export const organizationPasswordPolicySchema = passwordPolicySchema.extend({
  lockoutThreshold: z.number(),
  lockoutMinutes: z.number(),
});
export type OrganizationPasswordPolicy = Wire<typeof organizationPasswordPolicySchema>;

/** GET /api/password-resets/:token: whose link it is and the rules of the new password. */
export const passwordResetInfoSchema = z.object({
  email: z.string(),
  expiresAt: timestamp,
  passwordPolicy: passwordPolicySchema,
});
export type PasswordResetInfo = Wire<typeof passwordResetInfoSchema>;

/** GET /api/me/password-policy. */
export const myPasswordPolicySchema = z.object({ passwordPolicy: passwordPolicySchema, hasMfa: z.boolean() });
export type MyPasswordPolicy = Wire<typeof myPasswordPolicySchema>;
