import type { MfaVerifyBody } from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { type OpenedSession, openSession } from '../identity/open-session.js';
import { recordFailedLogin } from '../identity/record-failed-login.js';
import { consumeAttempt, setAttemptFailures } from './attempt-repository.js';
import { lockLiveAttempt, loginExpired } from './attempts.js';
import { findLoginUser } from './repository.js';
import { loginVerifiers } from './verifiers/index.js';
import type { Verifier } from './verifiers/types.js';

type VerifyInput = {
  token: string | undefined;
  body: MfaVerifyBody;
  ip: string | null;
  userAgent: string | null;
};

/**
 * POST /api/auth/mfa/verify: checks the second factor of a live login attempt (row-locked, so
 * one answer at a time). Right → the attempt is consumed and the session opens. Wrong (or a
 * method the attempt does not offer) → 401 invalid_code, counted on the attempt (the 5th kills
 * it) and toward the account lockout; nothing else changes. A locked or disabled account
 * ends the attempt (401 login_expired).
 */
export async function verifyLogin(deps: AppDeps, input: VerifyInput): Promise<OpenedSession> {
  const { clock } = deps;
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const attempt = await lockLiveAttempt(trx, clock, input.token);
    const user = await findLoginUser(trx, attempt.user_id);
    if (user.status !== 'active' || (user.locked_until && user.locked_until > clock.now())) {
      await consumeAttempt(trx, attempt.id, clock.now());
      return { kind: 'expired' as const };
    }
    const verify = loginVerifiers[input.body.method] as Verifier<MfaVerifyBody['method']>;
    const ok =
      attempt.methods.includes(input.body.method) &&
      (await verify({ ...deps, db: trx }, { id: attempt.id, userId: attempt.user_id }, input.body));
    if (!ok) {
      await setAttemptFailures(trx, attempt.id, attempt.failed_count + 1);
      return { kind: 'wrong' as const, user };
    }
    await consumeAttempt(trx, attempt.id, clock.now());
    const opened = { ...input, certificateId: attempt.certificate_id };
    return { kind: 'ok' as const, session: await openSession(trx, deps, user, opened) };
  });
  if (outcome.kind === 'expired') throw loginExpired();
  if (outcome.kind === 'wrong') {
    await recordFailedLogin(deps, {
      userId: outcome.user.id,
      email: outcome.user.email,
      locale: outcome.user.locale,
      ip: input.ip,
    });
    throw new AppError(401, 'invalid_code');
  }
  return outcome.session;
}
