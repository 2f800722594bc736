import type { LoginBody } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import { createSession } from '../../platform/auth/session-store.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { recordFailedLogin } from './record-failed-login.js';
import { findUserByEmail, listMemberships } from './repository.js';

type SignInInput = LoginBody & { ip: string | null; userAgent: string | null };

const invalid = () => new AppError(401, 'invalid_credentials');

/**
 * Checks e-mail and password and opens a session (ID-1, ID-2). Every failure — unknown address,
 * wrong password, locked or disabled account, no active membership — gets the same answer. With
 * one membership the session starts in it.
 */
export async function signIn(
  deps: AppDeps,
  input: SignInInput,
): Promise<{ token: string; user: SignedInUser; membershipId: string | null }> {
  const { db, clock, config } = deps;
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) throw invalid();
  if (user.locked_until && user.locked_until > clock.now()) throw invalid();
  if (!passwordOk) {
    // Only an account that can sign in is counted: an invitee without a password or a disabled
    // account would otherwise be sent lockout notices for an account they cannot use.
    if (user.password_hash && user.status === 'active')
      await recordFailedLogin(deps, {
        userId: user.id,
        email: user.email,
        locale: user.locale,
        ip: input.ip,
      });
    throw invalid();
  }
  const memberships = await listMemberships(db, user.id);
  if (user.status !== 'active' || memberships.length === 0) throw invalid();
  const only = memberships.length === 1 ? memberships[0] : undefined;
  return db.transaction().execute(async (trx) => {
    const token = await createSession(trx, clock, config.session, {
      userId: user.id,
      membershipId: only?.membershipId ?? null,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await trx
      .updateTable('users')
      .set({ last_login_at: clock.now(), failed_login_count: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, clock, { actorUserId: user.id, action: 'user.sign_in', ip: input.ip });
    return {
      token,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        timeZone: user.time_zone,
      },
      membershipId: only?.membershipId ?? null,
    };
  });
}
