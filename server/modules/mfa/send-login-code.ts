import { mfaMaxSends, mfaResendSeconds, type SentCodeMethod } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { endAttemptCodes, recordCodeSent } from './attempt-repository.js';
import { type LiveAttempt, lockLiveAttempt } from './attempts.js';
import { findCodeRecipient } from './repository.js';
import { sendCode } from './send-code.js';

/**
 * Sends a fresh mail or SMS code for a login attempt (the previous one stops working): at most
 * 5 sends per attempt, 30 seconds apart (429 otherwise), only by a method the attempt offers.
 */
export async function sendLoginCode(trx: Db, deps: AppDeps, attempt: LiveAttempt, method: SentCodeMethod) {
  const now = deps.clock.now();
  if (!attempt.methods.includes(method)) throw new AppError(409, 'mfa_method_unavailable');
  const tooSoon =
    attempt.last_sent_at && now.getTime() - attempt.last_sent_at.getTime() < mfaResendSeconds * 1000;
  if (attempt.send_count >= mfaMaxSends || tooSoon) throw new AppError(429, 'code_resend_limited');
  const user = await findCodeRecipient(trx, attempt.user_id);
  // SMS only to a number still verified (a changed number loses its verification).
  const to = method === 'mail' ? user.email : user.mobile_verified_at && user.mobile;
  if (!to) throw new AppError(409, 'mfa_method_unavailable');
  await endAttemptCodes(trx, attempt.id, now);
  await sendCode(trx, deps, {
    purpose: 'login',
    userId: attempt.user_id,
    loginAttemptId: attempt.id,
    channel: method,
    to,
    email: user.email,
    locale: user.locale,
  });
  await recordCodeSent(trx, attempt.id, attempt.send_count + 1, now);
}

/** POST /api/auth/mfa/send: the resend button of the login step. */
export async function resendLoginCode(deps: AppDeps, token: string | undefined, method: SentCodeMethod) {
  await deps.db.transaction().execute(async (trx) => {
    const attempt = await lockLiveAttempt(trx, deps.clock, token);
    await sendLoginCode(trx, deps, attempt, method);
  });
}
