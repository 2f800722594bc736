import { sql } from 'kysely';
import { type CrossTenantSearchQuery, tenantSettingsLimits } from '../../../common/tenant-settings.js';
import { containsPattern } from '../../db/contains-pattern.js';
import type { Db } from '../../db/pool.js';

export type CrossTenantHit = {
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  customerId: string;
  customerCode: string;
  customerName: string;
};

/**
 * テナント横断検索 (PP-1, `001 §4.1`): customers of every tenant where the user has an active
 * partner membership, by company name (partial; the GIN index on `name_bigrams(name)` — or on
 * `name_chars(name)` for a single character — finds the names, ILIKE checks terms of ≥3
 * characters) or phone (exact digits, index on
 * `customers.phone`). Two statements: the first rows in tenant code, customer code order, and
 * the count (the page says "N件見つかりました。10件まで表示しています。").
 */
export async function searchCustomersAcrossTenants(
  db: Db,
  userId: string,
  query: CrossTenantSearchQuery,
): Promise<{ total: number; items: CrossTenantHit[] }> {
  // The user's tenants as an array computed once (an InitPlan): the planner then scans the name
  // index once and filters by tenant, instead of repeating the index scan per tenant.
  const tenants = sql`ANY(ARRAY(
    SELECT m.organization_id FROM memberships m
    JOIN organizations p ON p.id = m.organization_id AND p.kind = 'partner'
    WHERE m.user_id = ${userId} AND m.status = 'active'))`;
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
