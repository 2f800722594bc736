import { translate } from '../../../common/messages.js';
import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { recordFailedLogin } from '../identity/record-failed-login.js';
import { findPasswordOfUser, findReauthAt, stampReauth } from './repository.js';

/** Enrolling or removing a factor needs the password re-entered within this many minutes. */
export const REAUTH_MINUTES = 5;

/**
 * POST /api/me/reauth: the password again, stamped on the session. A wrong password is a 400 on
 * the field and counts toward the account lockout like a wrong login.
 */
export async function reauthenticate(
  deps: AppDeps,
  input: { userId: string; sessionId: string; password: string; ip: string | null; locale: Locale },
): Promise<void> {
  const user = await findPasswordOfUser(deps.db, input.userId);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailedLogin(deps, { userId: user.id, email: user.email, locale: user.locale, ip: input.ip });
    throw new AppError(400, 'validation', {
      password: [translate(input.locale, 'validation.currentPasswordWrong')],
    });
  }
  await stampReauth(deps.db, input.sessionId, deps.clock.now());
}

/** 403 reauth_required unless this session re-entered the password in the last 5 minutes. */
export async function assertRecentReauth(db: Db, now: Date, sessionId: string): Promise<void> {
  const reauthAt = await findReauthAt(db, sessionId);
  if (!reauthAt || now.getTime() - reauthAt.getTime() > REAUTH_MINUTES * 60_000)
    throw new AppError(403, 'reauth_required');
}
