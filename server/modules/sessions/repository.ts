import type { Db } from '../../db/pool.js';

/**
 * The user's live sessions (not revoked, not past the absolute limit, active after `idleSince`),
 * newest activity first.
 */
export async function liveSessionsOf(db: Db, userId: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Ends one session of the user (the user is in the statement: another user's id changes nothing). */
export async function revokeUserSession(trx: Db, userId: string, sessionId: string, now: Date) {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
}
