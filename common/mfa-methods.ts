/** The factor types a user can be required to use (the `002` 第2段階認証方式 field). */
export const mfaMethods = ['totp', 'mail', 'sms', 'passkey', 'certificate'] as const;
export type MfaMethod = (typeof mfaMethods)[number];
