import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import { formatCustomerCode } from '../../../common/codes.js';
import type { CustomerListQuery, CustomerStatus } from '../../../common/customers.js';
import { containsPattern } from '../../db/contains-pattern.js';
import { customerNameMatch } from '../../db/customer-name-match.js';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

const balanceOperator = { eq: '=', ne: '<>', gte: '>=', lte: '<=' } as const;

/** Customers of one tenant: organisation (code, name) joined with its profile. */
function customersOf(db: Db, tenantId: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('customers as c', 'c.id', 'o.id')
    .where('o.tenant_id', '=', tenantId)
    .where('o.kind', '=', 'customer');
}

/** From this many name matches, page 1 sorted by code walks the code index instead (see below). */
const INDEX_ORDER_FROM = 10_000;

/**
 * 顧客管理 (CU-1): one page of a tenant's customers, filtered, sorted and counted in SQL.
 *
 * The count comes first (the profile table is joined only when a filter or the sort needs it). A partial
 * name is then served in one of two ways, chosen by that count, so that both a rare and a common
 * term stay fast in a tenant of 100,000 customers:
 * - few matches: `customer_name_grams` finds them all, and only those are sorted;
 * - many matches, sorted by code, an early page: the (tenant_id, kind, code) index is walked in
 *   order with ILIKE as a filter, stopping after one page (about pageSize / share rows).
 */
export async function listCustomers(db: Db, tenantId: string, query: CustomerListQuery) {
  const conditions = [sql`o.tenant_id = ${tenantId}`, sql`o.kind = 'customer'`];
  if (query.code) conditions.push(sql`o.code ILIKE ${containsPattern(query.code)}`);
  const profile: RawBuilder<unknown>[] = [];
  if (query.balance !== undefined) {
    profile.push(
      sql`c.balance ${sql.raw(balanceOperator[query.balanceOp ?? 'eq'])} ${String(query.balance)}`,
    );
  }
  if (query.lastBilledOn) profile.push(sql`c.last_billed_on = ${query.lastBilledOn}`);
  if (query.status !== 'all') profile.push(sql`c.status = ${query.status}`);
  const join = profile.length > 0 ? sql`JOIN customers c ON c.id = o.id` : sql``;
  const where = (name: RawBuilder<unknown> | null) =>
    sql.join([...conditions, ...(name ? [name] : []), ...profile], sql` AND `);
  const nameMatch = query.name ? customerNameMatch(sql`= ${tenantId}`, query.name) : null;

  const { total } = (
    await sql<{
      total: string;
    }>`SELECT count(*) AS total FROM organizations o ${join} WHERE ${where(nameMatch)}`.execute(db)
  ).rows[0]!;
  const count = Number(total);
  const offset = (query.page - 1) * query.pageSize;
  if (offset >= count) return { items: [], total: count };

  const dir = sql.raw(query.order === 'asc' ? 'ASC' : 'DESC');
  // The order of organizations_tenant_kind_code_idx (see migration 0006).
  const code = sql`o.code COLLATE "C"`;
  const orderBy = {
    code: sql`${code} ${dir}`,
    name: sql`o.name ${dir}, ${code} ${dir}`,
    balance: sql`c.balance ${dir}, ${code} ${dir}`,
    // Never billed comes last whichever way.
    lastBilledOn: sql`c.last_billed_on ${dir} NULLS LAST, ${code} ${dir}`,
    // In the order of the manual's choices: ドラフト, 有効, キャンセル済み.
    status: sql`CASE c.status WHEN 'draft' THEN 0 WHEN 'active' THEN 1 ELSE 2 END ${dir}, ${code} ${dir}`,
  }[query.sort];
  const columns = sql`o.id, o.code, o.name, c.balance, to_char(c.last_billed_on, 'YYYY-MM-DD') AS "lastBilledOn", c.status`;
  const page = sql`ORDER BY ${orderBy} LIMIT ${query.pageSize} OFFSET ${offset}`;

  const walkCodeIndex =
    nameMatch !== null &&
    query.sort === 'code' &&
    count >= INDEX_ORDER_FROM &&
    (offset + query.pageSize) * 10 <= count;
  // Few matches: the grams find them and only those are sorted; many, sorted by code, on an early
  // page: the code index is walked in order with ILIKE as a filter.
  const name = walkCodeIndex ? sql`o.name ILIKE ${containsPattern(query.name!)}` : nameMatch;
  // The profile is joined before the page is cut only when a filter or the sort needs it.
  const pageOfOrganizations = profile.length === 0 && (query.sort === 'code' || query.sort === 'name');
  const { rows } = pageOfOrganizations
    ? await sql<CustomerListRow>`
        SELECT ${columns} FROM (SELECT o.id, o.code, o.name FROM organizations o WHERE ${where(name)} ${page}) o
        JOIN customers c ON c.id = o.id ORDER BY ${orderBy}`.execute(db)
    : await sql<CustomerListRow>`
        SELECT ${columns} FROM organizations o JOIN customers c ON c.id = o.id WHERE ${where(name)}
        ${page}`.execute(db);
  return { items: rows.map((r) => ({ ...r, balance: Number(r.balance) })), total: count };
}
type CustomerListRow = {
  id: string;
  code: string;
  name: string;
  balance: string;
  lastBilledOn: string | null;
  status: CustomerStatus;
};

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

/**
 * Writes of one customer of the tenant. Each statement carries the tenant in its WHERE, also
 * after the row was found and locked: a wrong id changes nothing outside the tenant.
 */
export async function renameCustomer(trx: Db, tenantId: string, customerId: string, name: string) {
  await trx
    .updateTable('organizations')
    .set({ name })
    .where('id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'customer')
    .execute();
}

export async function updateCustomerProfile(
  trx: Db,
  tenantId: string,
  customerId: string,
  columns: Updateable<Database['customers']>,
) {
  await trx
    .updateTable('customers')
    .set(columns)
    .where('id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** The user ids of the customer's memberships (before the customer goes). */
export async function customerMemberIds(trx: Db, tenantId: string, customerId: string) {
  const rows = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Deletes the customer's organisation, and with it everything that belongs to it by cascade. */
export async function deleteCustomerOrganization(trx: Db, tenantId: string, customerId: string) {
  await trx
    .deleteFrom('organizations')
    .where('id', '=', customerId)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'customer')
    .execute();
}

/**
 * A new customer of the tenant: its organisation with the next `A` code, and its profile row
 * (both carrying the tenant). Answers the organisation's id and code.
 */
export async function insertCustomer(
  trx: Db,
  tenantId: string,
  name: string,
  profile: Omit<Insertable<Database['customers']>, 'id' | 'tenant_id' | 'created_at' | 'updated_at'>,
  now: Date,
) {
  const { n } = (await sql<{ n: string }>`SELECT nextval('customer_code_seq') AS n`.execute(trx)).rows[0]!;
  const organization = await trx
    .insertInto('organizations')
    .values({
      kind: 'customer',
      code: formatCustomerCode(BigInt(n)),
      name,
      tenant_id: tenantId,
      created_at: now,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('customers')
    .values({ id: organization.id, tenant_id: tenantId, ...profile, created_at: now, updated_at: now })
    .execute();
  return organization;
}
