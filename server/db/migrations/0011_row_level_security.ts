import { type Kysely, sql } from 'kysely';

/**
 * Row-level security on every table with a `tenant_id`: the backstop behind the repositories'
 * own `WHERE tenant_id = …`. The policies read the scope that the portal's driver sets at the
 * start of each transaction (`set_config('mg.…', …, true)`, see `db/row-scope.ts`):
 *
 * - `mg.all = 'on'`: a named widening (sign-in, one-time links, operator console, jobs);
 * - `mg.tenants`: the tenant ids the request works in; `mg.customer`: the customer organisation
 *   of a customer-portal request (its rows only, where the table names one);
 * - `mg.platform = 'on'`: rows of no tenant (the operator's organisation, its members, platform
 *   mail and audit) — operator staff;
 * - `mg.user`, `mg.orgs`: a user always sees their own memberships and those organisations
 *   (organisation choice, strictest policy); the organisations are read with the session.
 *
 * Unset (no scope), nothing matches. Each value is read once per statement: the policies wrap
 * the readers in scalar subqueries (init plans), not once per row.
 */
/** How a table's rows are matched beyond the tenant (see `tenantRowCondition`). */
export type TenantRowRule = {
  /**
   * Rows of no tenant that any signed-in caller may write but not read back (the audit events
   * and mail of a user's own account, e.g. before they chose an organisation).
   */
  platformRowsWritten?: boolean;
  /** The column naming the customer organisation a row belongs to (a customer sees only its own). */
  customerColumn?: string;
  /** Rows a customer also sees in its tenant (its partner's organisation row). */
  customerAlso?: string;
  /** Rows visible whatever the tenant (a user's own memberships and their organisations). */
  ownRows?: string;
};

const USER = `(SELECT nullif(current_setting('mg.user', true), '')::bigint)`;
/** The organisations of the user's own memberships (read with the session). */
const USER_ORGANIZATIONS = `(SELECT string_to_array(nullif(current_setting('mg.orgs', true), ''), ',')::bigint[])`;

const policies: ({ table: string } & TenantRowRule)[] = [
  {
    table: 'organizations',
    customerColumn: 'id',
    customerAlso: `kind = 'partner'`,
    ownRows: `id = ANY (${USER_ORGANIZATIONS}::bigint[])`,
  },
  { table: 'memberships', customerColumn: 'organization_id', ownRows: `user_id = ${USER}` },
  { table: 'invitations', customerColumn: 'organization_id' },
  { table: 'audit_events', customerColumn: 'organization_id', platformRowsWritten: true },
  { table: 'outbox', platformRowsWritten: true },
  { table: 'certificates', customerColumn: 'organization_id' },
  { table: 'account_requests', customerColumn: 'organization_id' },
  { table: 'customers', customerColumn: 'id' },
  { table: 'tenant_settings' },
  { table: 'tenant_referrer_urls' },
  { table: 'tenant_links' },
  { table: 'tenant_application_fields' },
  { table: 'notification_addresses' },
  { table: 'mail_templates' },
  { table: 'user_groups', customerColumn: 'organization_id' },
];

/**
 * The scope's values as the policies read them: each a scalar subquery, so an init plan computes
 * it once per statement. Written out rather than behind SQL functions, which the planner would
 * inline (parse and analyse) again for every statement. Unset, each is NULL: no row matches.
 */
const scope = {
  all: `(SELECT current_setting('mg.all', true) = 'on')`,
  platform: `(SELECT current_setting('mg.platform', true) = 'on')`,
  tenants: `(SELECT string_to_array(nullif(current_setting('mg.tenants', true), ''), ',')::bigint[])`,
  customer: `(SELECT nullif(current_setting('mg.customer', true), '')::bigint)`,
  user: `(SELECT nullif(current_setting('mg.user', true), '')::bigint)`,
};

/** The policy condition of one table (the next tenant-owned tables' migrations use it too). */
export function tenantRowCondition(rule: TenantRowRule = {}): string {
  const customer = rule.customerColumn
    ? ` AND (${scope.customer} IS NULL OR ${rule.customerColumn} = ${scope.customer}${
        rule.customerAlso ? ` OR ${rule.customerAlso}` : ''
      })`
    : '';
  return `${scope.all}
    OR (tenant_id IS NULL AND ${scope.platform})
    OR (tenant_id = ANY (${scope.tenants}::bigint[])${customer})${rule.ownRows ? ` OR ${rule.ownRows}` : ''}`;
}

/** ENABLE + FORCE (the owner too) and the one policy of a tenant-owned table. */
export async function protectTenantTable(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
  db: Kysely<any>,
  table: string,
  rule: TenantRowRule = {},
): Promise<void> {
  const t = sql.id(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY tenant_rows ON ${t} USING (${sql.raw(tenantRowCondition(rule))})`.execute(db);
  if (rule.platformRowsWritten)
    await sql`CREATE POLICY platform_rows_written ON ${t} FOR INSERT
      WITH CHECK (tenant_id IS NULL AND ${sql.raw(USER)} IS NOT NULL)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, ...rule } of policies) await protectTenantTable(db, table, rule);
  // The outbox writer takes its id first and inserts without RETURNING (platformRowsWritten).
  await sql`ALTER TABLE outbox ALTER COLUMN id SET GENERATED BY DEFAULT`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const p of policies) {
    const t = sql.id(p.table);
    await sql`DROP POLICY tenant_rows ON ${t}`.execute(db);
    if (p.platformRowsWritten) await sql`DROP POLICY platform_rows_written ON ${t}`.execute(db);
    await sql`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`.execute(db);
  }
}
