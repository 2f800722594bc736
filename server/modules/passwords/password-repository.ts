import type { Db } from '../../db/pool.js';

/** The account whose password changes, locked: two changes at once cannot both pass the current-password check. */
export async function lockAccountForPasswordChange(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['email', 'name', 'locale', 'time_zone', 'password_hash'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The user's `count` most recent passwords (hashes), newest first. */
export async function recentPasswordHashes(db: Db, userId: string, count: number) {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.password_hash);
}

/** The user's current password hash (null without a password, undefined without the user). */
export async function currentPasswordHash(db: Db, userId: string) {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Stores the new password hash in the account (lockout cleared) and in its history. */
export async function storePassword(
  trx: Db,
  userId: string,
  password: { hash: string; mustChange: boolean; at: Date },
) {
  await trx
    .updateTable('users')
    .set({
      password_hash: password.hash,
      password_changed_at: password.at,
      must_change_password: password.mustChange,
      failed_login_count: 0,
      locked_until: null,
    })
    .where('id', '=', userId)
    .execute();
  await trx
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: password.hash, created_at: password.at })
    .execute();
}

/** Ends every open session of the user, except `keepSessionId` when given. */
export async function endUserSessions(trx: Db, userId: string, now: Date, keepSessionId?: string | null) {
  let revoke = trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) revoke = revoke.where('id', '!=', keepSessionId);
  await revoke.execute();
}
