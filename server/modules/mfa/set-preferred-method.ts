import type { MfaMethod } from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { enrolledFactors } from './factors.js';
import { effectiveMfaPolicy } from './policy.js';
import { setMfaMethod } from './repository.js';

/** PUT /api/me/mfa/preferred: only a method the user holds and every organisation allows (409 otherwise). */
export async function setPreferredMethod(deps: AppDeps, userId: string, method: MfaMethod): Promise<void> {
  const [factors, policy] = await Promise.all([
    enrolledFactors(deps.db, userId, deps.clock.now()),
    effectiveMfaPolicy(deps.db, userId),
  ]);
  const held: Record<MfaMethod, boolean> = {
    totp: factors.totpEnrolledAt !== null,
    mail: true,
    sms: factors.verifiedMobile !== null,
    passkey: factors.passkeys > 0,
    certificate: factors.certificates > 0,
  };
  if (!held[method] || !policy.allowedMethods.includes(method))
    throw new AppError(409, 'mfa_method_unavailable');
  await setMfaMethod(deps.db, userId, method);
}
