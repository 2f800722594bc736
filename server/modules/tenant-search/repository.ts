import { sql } from 'kysely';
import {
  type CrossTenantHit,
  type CrossTenantResult,
  type CrossTenantSearchQuery,
  tenantSettingsLimits,
} from '../../../common/tenant-settings.js';
import { customerNameMatch } from '../../db/customer-name-match.js';
import type { Db } from '../../db/pool.js';

/** The partner tenants where the user has an active membership (the user's own rows). */
export async function activePartnerTenantsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as p', 'p.id', 'm.organization_id')
    .select('p.id')
    .where('m.user_id', '=', userId)
    // Literals, not parameters: a generic plan would take `kind = $1` for a third of all
    // organisations and walk them all (see db/prepared-statements.ts).
    .where('m.status', '=', sql.lit('active'))
    .where('p.kind', '=', sql.lit('partner'))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Customers of `tenantIds` by company name (partial, see `customerNameMatch`) or phone (exact
 * digits, index on `customers.phone`). Two statements: the first rows in tenant code, customer
 * code order, and the count.
 */
export async function searchCustomersOfTenants(
  db: Db,
  tenantIds: readonly string[],
  query: CrossTenantSearchQuery,
): Promise<CrossTenantResult> {
  // The tenants as one array parameter: one statement text whatever their number.
  const tenants = sql`ANY(${sql.val([...tenantIds])}::bigint[])`;
  const match =
    query.by === 'phone'
      ? sql`o.id IN (SELECT c.id FROM customers c WHERE c.phone = ${query.q} AND c.tenant_id = ${tenants})`
      : customerNameMatch(sql`= ${tenants}`, query.q);
  const where = sql`o.kind = 'customer' AND o.tenant_id = ${tenants} AND ${match}`;
  const [items, count] = await Promise.all([
    sql<CrossTenantHit>`
      SELECT t.id AS "tenantId", t.code AS "tenantCode", t.name AS "tenantName",
             o.id AS "customerId", o.code AS "customerCode", o.name AS "customerName"
      FROM organizations o JOIN organizations t ON t.id = o.tenant_id
      WHERE ${where}
      ORDER BY t.code, o.code
      LIMIT ${tenantSettingsLimits.searchRows}`.execute(db),
    sql<{ total: string }>`SELECT count(*) AS total FROM organizations o WHERE ${where}`.execute(db),
  ]);
  return { total: Number(count.rows[0]!.total), items: items.rows };
}
