import { type Insertable, sql } from 'kysely';
import { passkeysPerUserMax } from '../../../common/passkeys.js';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';

/** A user's passkeys as listed to them (no key material). */
export async function listPasskeys(db: Db, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at', 'device_type', 'backed_up'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** How many passkeys a user has (the login step offers 'passkey' only when there is one). */
export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 409 passkey_limit when the user already holds the most passkeys allowed. */
export async function assertRoomForPasskey(db: Db, userId: string): Promise<void> {
  if ((await countPasskeys(db, userId)) >= passkeysPerUserMax) throw new AppError(409, 'passkey_limit');
}

/** The credential ids and transports of a user's passkeys (allow / exclude lists). */
export async function credentialDescriptors(db: Db, userId: string) {
  const rows = await db
    .selectFrom('passkeys')
    .select(['credential_id', 'transports'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.credential_id, transports: r.transports }));
}

/** One passkey of this user by its credential id; another user's credential is not found. */
export async function findUserCredential(db: Db, userId: string, credentialId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'credential_id', 'public_key', 'counter', 'transports'])
    .where('user_id', '=', userId)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

/** The user's row, locked: one passkey registration at a time per user (the limit holds). */
export async function lockUserForPasskeys(trx: Db, userId: string) {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** Stores a new passkey; undefined when its credential id is already on record. */
export async function insertPasskey(trx: Db, passkey: Insertable<Database['passkeys']>) {
  return trx
    .insertInto('passkeys')
    .values(passkey)
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirst();
}

/** One of the user's own passkeys, locked; undefined for another user's (or none). */
export async function lockOwnPasskey(trx: Db, userId: string, passkeyId: string) {
  return trx
    .selectFrom('passkeys')
    .select(['id', 'name'])
    .where('id', '=', passkeyId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Removes one of the user's passkeys; with the last one gone, a 'passkey' method choice goes too. */
export async function deletePasskey(trx: Db, userId: string, passkeyId: string) {
  await trx.deleteFrom('passkeys').where('id', '=', passkeyId).where('user_id', '=', userId).execute();
  await trx
    .updateTable('users')
    .set((eb) => ({ mfa_method: eb.fn('nullif', ['mfa_method', eb.val('passkey')]) }))
    .where('id', '=', userId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('passkeys').select('id').where('user_id', '=', userId))))
    .execute();
}

/**
 * Records a use of the user's passkey with its new signature counter, as a compare-and-set: only
 * a counter that moved forward is accepted (authenticators without one always send 0), so two
 * parallel replays cannot both pass. Answers whether it was accepted.
 */
export async function advancePasskeyCounter(
  db: Db,
  userId: string,
  passkeyId: string,
  use: { counter: number; at: Date },
) {
  const updated = await db
    .updateTable('passkeys')
    .set({ counter: use.counter, last_used_at: use.at })
    .where('id', '=', passkeyId)
    .where('user_id', '=', userId)
    .where(sql<boolean>`(counter < ${use.counter} OR (counter = 0 AND ${use.counter}::bigint = 0))`)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

type Challenge = Insertable<Database['webauthn_challenges']>;

/** Removes the challenges that have expired (anyone's). */
export async function deleteExpiredChallenges(db: Db, now: Date) {
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
}

/** Stores the one pending challenge of a session or attempt, replacing an earlier one. */
export async function upsertChallenge(db: Db, challenge: Challenge) {
  await db
    .insertInto('webauthn_challenges')
    .values(challenge)
    .onConflict((oc) =>
      oc.columns(['purpose', 'bound_to']).doUpdateSet((eb) => ({
        user_id: eb.ref('excluded.user_id'),
        challenge: eb.ref('excluded.challenge'),
        created_at: eb.ref('excluded.created_at'),
        expires_at: eb.ref('excluded.expires_at'),
      })),
    )
    .execute();
}

/** Deletes the pending challenge of a session or attempt and answers it (undefined when none). */
export async function deleteChallenge(db: Db, binding: Pick<Challenge, 'purpose' | 'bound_to'>) {
  return db
    .deleteFrom('webauthn_challenges')
    .where('purpose', '=', binding.purpose)
    .where('bound_to', '=', binding.bound_to)
    .returning(['challenge', 'expires_at', 'user_id'])
    .executeTakeFirst();
}
