import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';

type SetPasswordInput = {
  userId: string;
  passwordHash: string;
  /** An admin-issued temporary password must be changed at the next sign-in. */
  mustChange?: boolean;
  /** The session that made the change survives; every other session of the user ends. */
  keepSessionId?: string | null;
};

/**
 * Stores a new password: remembers it in the history, clears any lockout, and ends the user's
 * other sessions. Call inside the transaction of the change.
 */
export async function setPassword(trx: Db, clock: Clock, input: SetPasswordInput): Promise<void> {
  const now = clock.now();
  await trx
    .updateTable('users')
    .set({
      password_hash: input.passwordHash,
      password_changed_at: now,
      must_change_password: input.mustChange ?? false,
      failed_login_count: 0,
      locked_until: null,
    })
    .where('id', '=', input.userId)
    .execute();
  await trx
    .insertInto('password_history')
    .values({ user_id: input.userId, password_hash: input.passwordHash, created_at: now })
    .execute();
  let revoke = trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null);
  if (input.keepSessionId) revoke = revoke.where('id', '!=', input.keepSessionId);
  await revoke.execute();
}
