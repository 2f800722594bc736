import type { LoginStepMethod, MfaMethod } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';
import { enrolledFactors } from './factors.js';
import { type EffectiveMfaPolicy, effectiveMfaPolicy } from './policy.js';

export type LoginStep =
  | { kind: 'none' }
  /** 2FA is required but the user holds no usable factor: a session limited to enrolment. */
  | { kind: 'enrol' }
  | { kind: 'mfa'; methods: LoginStepMethod[]; preferred: MfaMethod | null; verifiedMobile: string | null };

/**
 * What the login needs after a correct password: nothing, a second factor (the methods the user
 * holds that every organisation allows, mail OTP when allowed, recovery codes when any are left),
 * or enrolment. A second factor is needed when the user has a method set (by an admin or by
 * enrolling) or any of the user's organisations requires 2FA. The certificate is checked together
 * with the password: a verified one is the second factor only when every organisation of the
 * user allows the certificate method; otherwise the step follows as without it.
 */
export async function loginStepFor(
  db: Db,
  user: { id: string; mfa_method: MfaMethod | null },
  now: Date,
  options: {
    certificateVerified: boolean;
    /** The user's strictest policy when the caller has read it already (the sign-in). */
    policy?: EffectiveMfaPolicy;
  },
): Promise<LoginStep> {
  const policy = options.policy ?? (await effectiveMfaPolicy(db, user.id));
  if (options.certificateVerified && policy.allowedMethods.includes('certificate')) return { kind: 'none' };
  if (!user.mfa_method && !policy.requireMfa) return { kind: 'none' };
  const factors = await enrolledFactors(db, user.id, now);
  const allowed = new Set(policy.allowedMethods);
  const held: Record<Exclude<LoginStepMethod, 'recovery'>, boolean> = {
    totp: factors.totpEnrolledAt !== null,
    sms: factors.verifiedMobile !== null,
    passkey: factors.passkeys > 0,
    mail: true,
  };
  const methods: LoginStepMethod[] = (['totp', 'passkey', 'sms', 'mail'] as const).filter(
    (m) => held[m] && allowed.has(m),
  );
  if (methods.length === 0) return { kind: 'enrol' };
  if (factors.recoveryCodesLeft > 0) methods.push('recovery');
  const preferred =
    user.mfa_method && (methods as string[]).includes(user.mfa_method)
      ? user.mfa_method
      : (methods[0] as MfaMethod);
  return { kind: 'mfa', methods, preferred, verifiedMobile: factors.verifiedMobile };
}
