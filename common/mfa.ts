import { z } from 'zod';
import { isPhoneNumber } from './accounts.js';
import type { Wire } from './contracts.js';
import { limits } from './limits.js';
import { mfaMethods } from './mfa-methods.js';
import { passkeyVerifyBody } from './passkeys.js';
import { text, typeError } from './schemas.js';

/**
 * Second factors (ID-4, ID-5): the login step, the user's own factors, the admin's required
 * method and the organisation's MFA policy. Request bodies shared by the browser forms and the
 * server; messages are `validation.*` keys.
 */

export { type MfaMethod, mfaMethods } from './mfa-methods.js';
export type { PasskeyVerifyBody } from './passkeys.js';

/** What the login step can offer (`certificate` is checked with the password, not here). */
export const loginStepMethods = ['totp', 'mail', 'sms', 'passkey', 'recovery'] as const;
export type LoginStepMethod = (typeof loginStepMethods)[number];

/** Methods whose code is sent by the portal (mail, SMS). */
export const sentCodeMethods = ['mail', 'sms'] as const;
export type SentCodeMethod = (typeof sentCodeMethods)[number];

/** Six digits (TOTP, mail and SMS codes). */
export const otpCodePattern = /^\d{6}$/;
/** Recovery codes: `xxxx-xxxx`, lower-case base32 (accepted in any case, blanks trimmed). */
export const recoveryCodePattern = /^[a-z2-7]{4}-[a-z2-7]{4}$/;

export const otpCode = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .regex(otpCodePattern, { error: 'validation.otpCode' });

export const recoveryCode = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(20, { error: 'validation.tooLong' })
  .transform((v) => v.toLowerCase())
  .pipe(
    text({ error: 'validation.invalid' }).regex(recoveryCodePattern, { error: 'validation.recoveryCode' }),
  );

/** POST /api/auth/mfa/send. */
export const mfaSendBody = z.strictObject({
  method: z.enum(sentCodeMethods, { error: 'validation.invalid' }),
});
export type MfaSendBody = z.infer<typeof mfaSendBody>;

/** The code branches of POST /api/auth/mfa/verify (the passkey branch is P's, in passkeys.ts). */
export const mfaCodeVerifyBody = z.strictObject({
  method: z.enum(['totp', 'mail', 'sms'], { error: 'validation.invalid' }),
  code: otpCode,
});
export const mfaRecoveryVerifyBody = z.strictObject({
  method: z.literal('recovery', { error: 'validation.invalid' }),
  code: recoveryCode,
});
/** POST /api/auth/mfa/verify: a code (totp, mail, sms, recovery) or a passkey's answer. */
export const mfaVerifyBody = z.discriminatedUnion(
  'method',
  [mfaCodeVerifyBody, mfaRecoveryVerifyBody, passkeyVerifyBody],
  { error: 'validation.invalid' },
);
export type MfaVerifyBody = z.infer<typeof mfaVerifyBody>;

/** POST /api/me/reauth: the password again before enrolling or removing a factor. */
export const reauthBody = z.strictObject({
  password: text()
    .min(1, { error: 'validation.required' })
    .max(limits.password, { error: 'validation.tooLong' }),
});
export type ReauthBody = z.infer<typeof reauthBody>;

/** POST /api/me/mfa/totp/confirm and POST /api/me/mobile/verification/confirm. */
export const confirmCodeBody = z.strictObject({ code: otpCode });
export type ConfirmCodeBody = z.infer<typeof confirmCodeBody>;
export const totpConfirmBody = confirmCodeBody;
export const mobileConfirmBody = confirmCodeBody;

/** POST /api/me/mobile/verification: the mobile number to verify by SMS code (`000 §12`). */
export const mobileVerificationBody = z.strictObject({
  mobile: text()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(limits.phone, { error: 'validation.tooLong' })
    .refine(isPhoneNumber, { error: 'validation.phone' }),
});
export type MobileVerificationBody = z.infer<typeof mobileVerificationBody>;

/** PUT /api/me/mfa/preferred. */
export const preferredMethodBody = z.strictObject({
  method: z.enum(mfaMethods, { error: 'validation.invalid' }),
});
export type PreferredMethodBody = z.infer<typeof preferredMethodBody>;

/** PUT /api/organizations/:organizationId/mfa-policy (ID-5). */
export const mfaPolicyBody = z.strictObject({
  requireMfa: z.boolean({ error: typeError }),
  allowedMethods: z
    .array(z.enum(mfaMethods, { error: 'validation.invalid' }), { error: typeError })
    .min(1, { error: 'validation.required' })
    .max(mfaMethods.length, { error: 'validation.invalid' })
    .refine((v) => new Set(v).size === v.length, { error: 'validation.invalid' }),
  requireCertificateForAdmins: z.boolean({ error: typeError }),
});
export type MfaPolicyBody = z.infer<typeof mfaPolicyBody>;

/** Every method allowed: the policy of an organisation that never set one. */
export const defaultMfaPolicy: MfaPolicyBody = {
  requireMfa: false,
  allowedMethods: [...mfaMethods],
  requireCertificateForAdmins: false,
};

/** Seconds between two sends of a login code, and sends per login attempt. */
export const mfaResendSeconds = 30;
export const mfaMaxSends = 5;

/** Answer of POST /api/auth/login when a second factor is needed. */
export const mfaRequiredViewSchema = z.object({
  status: z.literal('mfa_required'),
  methods: z.array(z.enum(loginStepMethods)),
  preferred: z.enum(mfaMethods).nullable(),
  maskedMobile: z.string().optional(),
  maskedEmail: z.string().optional(),
});
export type MfaRequiredView = Wire<typeof mfaRequiredViewSchema>;

/** POST /api/auth/mfa/send → 202. */
export const loginCodeSentSchema = z.object({ resendAfterSeconds: z.number() });
export type LoginCodeSent = Wire<typeof loginCodeSentSchema>;

/** GET /api/me/mfa. */
export const myMfaViewSchema = z.object({
  methods: z.object({
    totp: z.object({ enrolled: z.boolean(), enrolledAt: z.string().nullable() }),
    mail: z.object({ available: z.boolean() }),
    sms: z.object({ enrolled: z.boolean(), maskedMobile: z.string().nullable() }),
    passkey: z.object({ count: z.number() }),
    certificate: z.object({ count: z.number() }),
  }),
  preferred: z.enum(mfaMethods).nullable(),
  recoveryCodesLeft: z.number(),
  policy: z.object({ requireMfa: z.boolean(), allowedMethods: z.array(z.enum(mfaMethods)) }),
});
export type MyMfaView = Wire<typeof myMfaViewSchema>;

/** POST /api/me/mfa/totp/setup: the secret to pair, as text, URI and QR code. */
export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export type TotpSetup = Wire<typeof totpSetupSchema>;

/** POST /api/me/mfa/totp/confirm and /api/me/mfa/recovery-codes: shown once. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = Wire<typeof recoveryCodesSchema>;

/** GET and PUT /api/organizations/:organizationId/mfa-policy. */
export const mfaPolicySchema = z.object({
  requireMfa: z.boolean(),
  allowedMethods: z.array(z.enum(mfaMethods)),
  requireCertificateForAdmins: z.boolean(),
});
export type MfaPolicy = Wire<typeof mfaPolicySchema>;
