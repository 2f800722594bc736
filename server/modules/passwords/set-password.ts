import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { endUserSessions, storePassword } from './password-repository.js';

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
  await storePassword(trx, input.userId, {
    hash: input.passwordHash,
    mustChange: input.mustChange ?? false,
    at: now,
  });
  await endUserSessions(trx, input.userId, now, input.keepSessionId);
}
