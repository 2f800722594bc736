import type { AppDeps } from '../../../deps.js';
import { takeCode } from '../send-code.js';
import type { VerifierAttempt } from './types.js';

/** Login steps 'mail' and 'sms': the last code sent for this very attempt, unexpired, once. */
export async function verifySentCodeStep(
  deps: AppDeps,
  attempt: VerifierAttempt,
  body: { method: 'mail' | 'sms' | 'totp'; code: string },
) {
  if (body.method === 'totp') return false;
  const taken = await takeCode(deps.db, deps.clock.now(), {
    purpose: 'login',
    userId: attempt.userId,
    loginAttemptId: attempt.id,
    channel: body.method,
    code: body.code,
  });
  return taken !== null;
}
