import { passkeysPerUserMax } from '../../../common/passkeys.js';
import type { Db } from '../../db/pool.js';
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
