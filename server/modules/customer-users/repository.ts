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
  return membershipsWithOpenLink(db, customerId)
    .where('m.tenant_id', '=', tenantId)
    .select([
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
