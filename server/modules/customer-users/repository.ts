import { sql } from 'kysely';
import type { Db } from '../../db/pool.js';
import { notFound } from '../../platform/errors.js';
import { membershipsWithOpenLink } from '../users/repository.js';

/** The customer organisation `customerId` of the tenant, or 404 (another tenant's, or not a customer). */
export async function customerOf(db: Db, tenantId: string, customerId: string, forUpdate = false) {
  let query = db
    .selectFrom('organizations')
    .select(['id', 'code', 'name', 'tenant_id as tenantId'])
    .where('id', '=', customerId)
    .where('kind', '=', 'customer')
    .where('tenant_id', '=', tenantId);
  if (forUpdate) query = query.forShare();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return { ...row, tenantId };
}

/**
 * The login users of one customer organisation (ユーザ管理, `001 §7.4.4`): every membership with
 * its user and whether the newest open invitation link has expired.
 */
function usersOf(db: Db, tenantId: string, customerId: string, now: Date) {
  return membershipsWithOpenLink(db, { organizationId: customerId, tenantId }).select([
    'u.id',
    'u.code',
    // Accounts that came with only a full name (an existing user added here) show it as 姓.
    sql<string>`coalesce(u.family_name, u.name)`.as('familyName'),
    sql<string>`coalesce(u.given_name, '')`.as('givenName'),
    'u.email',
    'u.mobile',
    'm.status',
    sql<boolean>`m.status = 'invited' AND (inv.expires_at IS NULL OR inv.expires_at <= ${now})`.as(
      'invitationExpired',
    ),
  ]);
}

/** The login users of a customer of the tenant (the tenant is in the statement, not only checked before). */
export async function listCustomerUsers(db: Db, tenantId: string, customerId: string, now: Date) {
  return usersOf(db, tenantId, customerId, now).orderBy('m.id').execute();
}

/** One login user of the customer; a user of another customer (or none) is a 404. */
export async function findCustomerUser(
  db: Db,
  tenantId: string,
  customerId: string,
  userId: string,
  now: Date,
) {
  const row = await usersOf(db, tenantId, customerId, now).where('u.id', '=', userId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export type CustomerUser = Awaited<ReturnType<typeof findCustomerUser>>;

/** Whether the address already has a membership in the customer (active, disabled or invited). */
export async function isCustomerMemberByEmail(trx: Db, tenantId: string, customerId: string, email: string) {
  const row = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('m.organization_id', '=', customerId)
    .where('m.tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** A user's id and user ID (code) as the answer of the creation. */
export async function findUserCode(trx: Db, userId: string) {
  return trx.selectFrom('users').select(['id', 'code']).where('id', '=', userId).executeTakeFirstOrThrow();
}

/** The membership of a user in the customer, locked for the change or removal; 404 when there is none. */
export async function lockCustomerMembership(trx: Db, tenantId: string, customerId: string, userId: string) {
  const row = await trx
    .selectFrom('memberships')
    .select(['id', 'status'])
    .where('organization_id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The account's user ID and address, locked (it may be deleted next). */
export async function lockAccount(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['code', 'email'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Removes a membership of the customer; its links are detached first (they keep answering
 * "cancelled"). The tenant and the customer are in the statements, not only checked before.
 */
export async function removeCustomerMembership(
  trx: Db,
  tenantId: string,
  customerId: string,
  membershipId: string,
) {
  await trx
    .updateTable('invitations')
    .set({ membership_id: null })
    .where('membership_id', '=', membershipId)
    .where('organization_id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .execute();
  await trx
    .deleteFrom('memberships')
    .where('id', '=', membershipId)
    .where('organization_id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** Whether the account also belongs to an organisation other than the customer (a shared account). */
export async function belongsElsewhere(trx: Db, userId: string, customerId: string) {
  const row = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', '!=', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether another account already has the address (compared case-insensitively). */
export async function isEmailTakenByAnother(trx: Db, email: string, userId: string) {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('id', '!=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
