import type { Insertable } from 'kysely';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

/**
 * The statements of the login step and of the short codes: login attempts (between the password
 * and the second factor) and one-time codes (by mail or SMS, for an attempt or a mobile check).
 * Both belong to one user, whose id every statement carries or reaches through the attempt.
 */

/** Stores a new login attempt; answers its id. */
export async function insertLoginAttempt(trx: Db, attempt: Insertable<Database['login_attempts']>) {
  const row = await trx
    .insertInto('login_attempts')
    .values(attempt)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The attempt of a token hash while it lives (unused, unexpired, under `maxFailures`), locked. */
export async function lockLiveAttemptByHash(trx: Db, tokenHash: string, now: Date, maxFailures: number) {
  return trx
    .selectFrom('login_attempts')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .where('failed_count', '<', maxFailures)
    .forUpdate()
    .executeTakeFirst();
}

/** An attempt just created in this transaction. */
export async function findAttempt(trx: Db, attemptId: string) {
  return trx.selectFrom('login_attempts').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
}

/** The attempt is over (the session opened, or the account cannot sign in). */
export async function consumeAttempt(trx: Db, attemptId: string, now: Date) {
  await trx.updateTable('login_attempts').set({ consumed_at: now }).where('id', '=', attemptId).execute();
}

/** Stores the attempt's count of wrong answers. */
export async function setAttemptFailures(trx: Db, attemptId: string, failedCount: number) {
  await trx
    .updateTable('login_attempts')
    .set({ failed_count: failedCount })
    .where('id', '=', attemptId)
    .execute();
}

/** Stores how many codes the attempt has sent, and when the last one went. */
export async function recordCodeSent(trx: Db, attemptId: string, sendCount: number, now: Date) {
  await trx
    .updateTable('login_attempts')
    .set({ send_count: sendCount, last_sent_at: now })
    .where('id', '=', attemptId)
    .execute();
}

/** Ends every unfinished login of the user (a factor reset). */
export async function endUserAttempts(trx: Db, userId: string, now: Date) {
  await trx
    .updateTable('login_attempts')
    .set({ consumed_at: now })
    .where('user_id', '=', userId)
    .where('consumed_at', 'is', null)
    .execute();
}

/** Stores a new short code (only its hash). */
export async function insertCode(trx: Db, code: Insertable<Database['one_time_codes']>) {
  await trx.insertInto('one_time_codes').values(code).execute();
}

/**
 * Uses up the user's live code of this purpose, channel and hash (and attempt, when given),
 * atomically; answers where it had been sent, or undefined when none matches.
 */
export async function consumeMatchingCode(
  trx: Db,
  now: Date,
  code: {
    purpose: 'login' | 'mobile';
    userId: string;
    loginAttemptId?: string;
    channel: 'mail' | 'sms';
    hash: string;
  },
) {
  let q = trx
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('user_id', '=', code.userId)
    .where('purpose', '=', code.purpose)
    .where('channel', '=', code.channel)
    .where('code_hash', '=', code.hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  if (code.loginAttemptId) q = q.where('login_attempt_id', '=', code.loginAttemptId);
  return q.returning('recipient').executeTakeFirst();
}

/** The user's open mobile-check codes (the caller narrows and sets). */
const openMobileCodes = (trx: Db, userId: string) =>
  trx
    .updateTable('one_time_codes')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'mobile')
    .where('used_at', 'is', null);

/** Counts a wrong answer on the user's open mobile-check codes; `maxWrong` wrong answers end them. */
export async function countWrongMobileCode(trx: Db, userId: string, now: Date, maxWrong: number) {
  await openMobileCodes(trx, userId)
    .set((eb) => ({ failed_count: eb('failed_count', '+', 1) }))
    .execute();
  await openMobileCodes(trx, userId).set({ used_at: now }).where('failed_count', '>=', maxWrong).execute();
}

/** Ends the user's open mobile-check codes (a new one is about to be sent). */
export async function endMobileCodes(trx: Db, userId: string, now: Date) {
  await openMobileCodes(trx, userId).set({ used_at: now }).execute();
}

/** When the user's mobile-check codes sent after `since` went, newest first. */
export async function mobileCodesSentSince(trx: Db, userId: string, since: Date) {
  const rows = await trx
    .selectFrom('one_time_codes')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'mobile')
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => r.created_at);
}

/** Ends the attempt's open codes (a fresh one is about to be sent). */
export async function endAttemptCodes(trx: Db, attemptId: string, now: Date) {
  await trx
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('login_attempt_id', '=', attemptId)
    .where('used_at', 'is', null)
    .execute();
}
