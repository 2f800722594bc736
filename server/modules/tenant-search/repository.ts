import { sql } from 'kysely';
import {
  type CrossTenantHit,
  type CrossTenantResult,
  type CrossTenantSearchQuery,
  tenantSettingsLimits,
} from '../../../common/tenant-settings.js';
import { containsPattern } from '../../db/contains-pattern.js';
import type { Db } from '../../db/pool.js';

/** The partner tenants where the user has an active membership (the user's own rows). */
export async function activePartnerTenantsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as p', 'p.id', 'm.organization_id')
    .select('p.id')
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where('p.kind', '=', 'partner')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Customers of `tenantIds` by company name (partial; the GIN index on `name_bigrams(name)` — or
 * on `name_chars(name)` for a single character — finds the names, ILIKE checks terms of ≥3
 * characters) or phone (exact digits, index on `customers.phone`). Two statements: the first
 * rows in tenant code, customer code order, and the count.
 */
export async function searchCustomersOfTenants(
  db: Db,
  tenantIds: readonly string[],
  query: CrossTenantSearchQuery,
): Promise<CrossTenantResult> {
  // The tenants as one array parameter: the planner scans the name index once and filters by
  // tenant, instead of repeating the index scan per tenant.
  const tenants = sql`ANY(${sql.val([...tenantIds])}::bigint[])`;
  // Names: with 1 or 2 characters the index condition is exact (the term is one character or
  // one bigram, both lower-cased like ILIKE), so only longer terms need the ILIKE check.
  const length = [...query.q].length;
  const match =
    query.by === 'phone'
      ? sql`o.id IN (SELECT c.id FROM customers c WHERE c.phone = ${query.q} AND c.tenant_id = ${tenants})`
      : length === 1
        ? sql`name_chars(o.name) @> ARRAY[lower(${query.q})]`
        : length === 2
          ? sql`name_bigrams(o.name) @> name_bigrams(${query.q})`
          : sql`name_bigrams(o.name) @> name_bigrams(${query.q}) AND o.name ILIKE ${containsPattern(query.q)}`;
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
