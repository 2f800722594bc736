import type { AppDeps } from '../../../deps.js';
import { findTotpSecret } from '../repository.js';
import { acceptTotp } from '../totp.js';
import type { VerifierAttempt } from './types.js';

/** Login step 'totp': the authenticator app's code, ±1 step, never the same step twice. */
export async function verifyTotpStep(deps: AppDeps, attempt: VerifierAttempt, body: { code: string }) {
  const secret = await findTotpSecret(deps.db, attempt.userId);
  if (!secret) return false;
  return acceptTotp(deps.db, {
    userId: attempt.userId,
    secret,
    code: body.code,
    now: deps.clock.now(),
  });
}
