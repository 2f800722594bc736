import type { MyMfaView } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';
import { enrolledFactors } from './factors.js';
import { maskMobile } from './masks.js';
import { effectiveMfaPolicy } from './policy.js';
import { findMfaMethod } from './repository.js';

/** GET /api/me/mfa: the user's factors, chosen method, recovery codes left and the policy that applies. */
export async function myMfa(db: Db, userId: string, now: Date): Promise<MyMfaView> {
  const [factors, policy, preferred] = await Promise.all([
    enrolledFactors(db, userId, now),
    effectiveMfaPolicy(db, userId),
    findMfaMethod(db, userId),
  ]);
  return {
    methods: {
      totp: {
        enrolled: factors.totpEnrolledAt !== null,
        enrolledAt: factors.totpEnrolledAt?.toISOString() ?? null,
      },
      mail: { available: policy.allowedMethods.includes('mail') },
      sms: {
        enrolled: factors.verifiedMobile !== null,
        maskedMobile: factors.verifiedMobile ? maskMobile(factors.verifiedMobile) : null,
      },
      passkey: { count: factors.passkeys },
      certificate: { count: factors.certificates },
    },
    preferred,
    recoveryCodesLeft: factors.recoveryCodesLeft,
    policy,
  };
}
