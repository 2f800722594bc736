import { type Expression, type SqlBool, sql } from 'kysely';
import type { CustomerListQuery } from '../../../common/customers.js';
import type { Db } from '../../db/pool.js';

/** `%`, `_` and `\` are literal in a partial-match term. */
export const likeEscape = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * 会社名 partial match. From 2 characters the GIN index on `name_bigrams(name)` narrows the rows
 * (every bigram of the term is in the name) and ILIKE confirms the exact substring; a single
 * character has no bigram, so it is ILIKE alone.
 */
export function nameContains(column: 'o.name', term: string): Expression<SqlBool> {
  const pattern = `%${likeEscape(term)}%`;
  if ([...term].length < 2) return sql<SqlBool>`${sql.ref(column)} ILIKE ${pattern}`;
  return sql<SqlBool>`(name_bigrams(${sql.ref(column)}) @> name_bigrams(${term}) AND ${sql.ref(column)} ILIKE ${pattern})`;
}

const balanceOperator = { eq: '=', ne: '<>', gte: '>=', lte: '<=' } as const;

/** Customers of one tenant: organisation (code, name) joined with its profile. */
function customersOf(db: Db, tenantId: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('customers as c', 'c.id', 'o.id')
    .where('o.tenant_id', '=', tenantId)
    .where('o.kind', '=', 'customer');
}

/** 顧客管理 (CU-1): one page of a tenant's customers, filtered, sorted and counted in SQL. */
export async function listCustomers(db: Db, tenantId: string, query: CustomerListQuery) {
  let base = customersOf(db, tenantId);
  if (query.code) base = base.where('o.code', 'ilike', `%${likeEscape(query.code)}%`);
  if (query.name) base = base.where(nameContains('o.name', query.name));
  if (query.balance !== undefined) {
    base = base.where('c.balance', balanceOperator[query.balanceOp ?? 'eq'], String(query.balance));
  }
  if (query.lastBilledOn) base = base.where('c.last_billed_on', '=', query.lastBilledOn);
  if (query.status !== 'all') base = base.where('c.status', '=', query.status);

  const dir = sql.raw(query.order === 'asc' ? 'ASC' : 'DESC');
  const orderBy = {
    code: sql`o.code ${dir}`,
    name: sql`o.name ${dir}, o.code ${dir}`,
    balance: sql`c.balance ${dir}, o.code ${dir}`,
    // Never billed comes last whichever way.
    lastBilledOn: sql`c.last_billed_on ${dir} NULLS LAST, o.code ${dir}`,
    // In the order of the manual's choices: ドラフト, 有効, キャンセル済み.
    status: sql`CASE c.status WHEN 'draft' THEN 0 WHEN 'active' THEN 1 ELSE 2 END ${dir}, o.code ${dir}`,
  }[query.sort];

  const [rows, total] = await Promise.all([
    base
      .select([
        'o.id',
        'o.code',
        'o.name',
        'c.balance',
        sql<string | null>`to_char(c.last_billed_on, 'YYYY-MM-DD')`.as('lastBilledOn'),
        'c.status',
      ])
      .orderBy(orderBy)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...r, balance: Number(r.balance) })),
    total: Number(total.total),
  };
}

const detailColumns = [
  'o.id',
  'o.code',
  'o.name',
  'c.status',
  'c.memo1',
  'c.memo2',
  'c.memo3',
  'c.contact_family_name as contactFamilyName',
  'c.contact_given_name as contactGivenName',
  'c.department',
  'c.title',
  'c.email',
  'c.postal_code as postalCode',
  'c.prefecture',
  'c.address',
  'c.phone',
  'c.balance',
  sql<string | null>`to_char(c.last_billed_on, 'YYYY-MM-DD')`.as('lastBilledOn'),
  'c.created_at as createdAt',
  'c.updated_at as updatedAt',
] as const;

/** One customer of the tenant, or undefined (another tenant's customer is simply not found). */
export async function findCustomer(db: Db, tenantId: string, customerId: string) {
  const row = await customersOf(db, tenantId)
    .select(detailColumns)
    .where('o.id', '=', customerId)
    .executeTakeFirst();
  return row && { ...row, balance: Number(row.balance) };
}

/** The same, locked for a change or the deletion in this transaction. */
export async function lockCustomer(trx: Db, tenantId: string, customerId: string) {
  const row = await customersOf(trx, tenantId)
    .select(detailColumns)
    .where('o.id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
  return row && { ...row, balance: Number(row.balance) };
}
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;
