import type { AppDeps } from '../../../deps.js';
import { acceptTotp } from '../totp.js';
import type { VerifierAttempt } from './types.js';

/** Login step 'totp': the authenticator app's code, ±1 step, never the same step twice. */
export async function verifyTotpStep(deps: AppDeps, attempt: VerifierAttempt, body: { code: string }) {
  const user = await deps.db
    .selectFrom('users')
    .select('totp_secret')
    .where('id', '=', attempt.userId)
    .executeTakeFirst();
  if (!user?.totp_secret) return false;
  return acceptTotp(deps.db, {
    userId: attempt.userId,
    secret: user.totp_secret,
    code: body.code,
    now: deps.clock.now(),
  });
}
