import type { Db } from '../../db/pool.js';
import { AppError } from '../../platform/errors.js';
import { hashToken } from '../../platform/tokens.js';

/** The reset a link token stands for, with its user; locked when `forUpdate` (POST consumes it). */
export async function findResetByToken(db: Db, token: string, forUpdate = false) {
  let query = db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select([
      'password_resets.id',
      'password_resets.user_id',
      'password_resets.expires_at',
      'password_resets.used_at',
      'users.email',
      'users.name',
      'users.locale',
      'users.time_zone',
      'users.status',
      'users.locked_until',
    ])
    .where('password_resets.token_hash', '=', hashToken(token));
  if (forUpdate) query = query.forUpdate('password_resets');
  return query.executeTakeFirst();
}

/** Why a reset link cannot be used, as the error its page shows; a disabled account has no usable link. */
export function assertResetUsable<T extends { used_at: Date | null; expires_at: Date; status: string }>(
  row: T | undefined,
  now: Date,
): T {
  if (row?.status !== 'active') throw new AppError(404, 'reset_not_found');
  if (row.used_at) throw new AppError(409, 'reset_used');
  if (row.expires_at <= now) throw new AppError(410, 'reset_expired');
  return row;
}
