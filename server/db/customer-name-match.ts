import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { containsPattern } from './contains-pattern.js';

/**
 * 会社名 partial match (部分一致) of the customer organisations `o` in the tenants that
 * `tenantMatch` admits (`= 1` or `= ANY(…)`), for the customer list (CU-1) and the cross-tenant
 * search (PP-6). The names are looked up in `customer_name_grams` (migration 0013) by equality,
 * which its primary key drives under row-level security: a term of one or two characters is one
 * gram, exact (lower-cased like ILIKE); a longer term needs every one of its bigrams, and ILIKE
 * then confirms the substring on the names that have them all.
 */
export function customerNameMatch(tenantMatch: RawBuilder<unknown>, term: string): RawBuilder<SqlBool> {
  if ([...term].length <= 2) {
    return sql<SqlBool>`o.id IN (SELECT g.organization_id FROM customer_name_grams g
      WHERE g.tenant_id ${tenantMatch} AND g.gram = lower(${term}))`;
  }
  return sql<SqlBool>`o.id IN (SELECT g.organization_id FROM customer_name_grams g
      WHERE g.tenant_id ${tenantMatch} AND g.gram = ANY (name_bigrams(${term}))
      GROUP BY g.organization_id HAVING count(*) = cardinality(name_bigrams(${term})))
    AND o.name ILIKE ${containsPattern(term)}`;
}
