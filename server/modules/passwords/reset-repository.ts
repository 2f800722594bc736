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

/** The account of an address (compared case-insensitively), locked: one reset request at a time per account. */
export async function lockAccountByEmail(trx: Db, email: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'code', 'locale', 'time_zone', 'status', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .forUpdate()
    .executeTakeFirst();
}

/** Stores a new reset link of the user (only its token's hash); answers its id. */
export async function insertReset(
  trx: Db,
  reset: { userId: string; tokenHash: string; expiresAt: Date; createdAt: Date; ip: string | null },
) {
  const row = await trx
    .insertInto('password_resets')
    .values({
      user_id: reset.userId,
      token_hash: reset.tokenHash,
      expires_at: reset.expiresAt,
      created_at: reset.createdAt,
      ip: reset.ip,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Uses up every open reset link of the user (the one just used, and any other). */
export async function markResetsUsed(trx: Db, userId: string, now: Date) {
  await trx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/**
 * The user's first active membership in a customer organisation, with its tenant: a user who
 * signs in to a customer portal gets the tenant's own reset mail.
 */
export async function firstCustomerMembership(trx: Db, userId: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .innerJoin('organizations as t', 't.id', 'o.tenant_id')
    .select(['t.id as tenantId', 't.name as tenantName', 'o.name as companyName'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where('o.kind', '=', 'customer')
    .orderBy('m.id')
    .limit(1)
    .executeTakeFirst();
}

/** The user's memberships still waiting for the first sign-in, in the order they were made. */
export async function invitedMembershipIds(trx: Db, userId: string) {
  const rows = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('status', '=', 'invited')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
