import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which rows of the tenant-owned tables the statements of the running request or job may touch.
 * PostgreSQL enforces it (row-level security, migration 0011): every policy reads these values
 * from transaction-local settings that the pool's driver (`pool.ts`) sets at the start of each
 * transaction from the scope of the code that runs it.
 *
 * - `tenants`: a signed-in request: the tenants it works in (one; a partner user's cross-tenant
 *   search: all of their active tenants), the customer organisation of a customer-portal
 *   request, the operator's platform rows (`tenant_id IS NULL`) for operator staff, and the
 *   user, whose own memberships and their organisations are always visible (organisation
 *   choice, strictest policies).
 * - `all`: every row. Only through `widenRowScope(reason, …)` or a route's `widenRowScope`
 *   config — a deliberate, named decision (sign-in before the caller is known, one-time links,
 *   the operator console, background jobs), never a default.
 *
 * Code outside any scope (no request, no widening) sees no tenant-owned row at all.
 */
export type RowScope =
  | {
      kind: 'tenants';
      tenantIds: readonly string[];
      customerOrganizationId: string | null;
      /** Rows that belong to no tenant (the operator's organisation, its members, platform mail). */
      platformRows: boolean;
      userId: string | null;
      /** The organisations of the user's memberships: visible whatever the tenant. */
      userOrganizationIds?: readonly string[];
    }
  | { kind: 'all'; reason: string };

/** The mutable holder of one request's scope: set once the caller is known. */
export type RowScopeHolder = { scope: RowScope | null };

const storage = new AsyncLocalStorage<RowScopeHolder>();

/** The scope of the code running now, or null outside any request, job or widening. */
export function currentRowScope(): RowScope | null {
  return storage.getStore()?.scope ?? null;
}

/** Runs `fn` with `holder` as its scope (a request: the holder is filled in once the caller is known). */
export function runInRowScope<T>(holder: RowScopeHolder, fn: () => T): T {
  return storage.run(holder, fn);
}

/** Runs `fn` with a fixed scope (a partner's cross-tenant search: the user's tenants). */
export function withRowScope<T>(scope: RowScope, fn: () => Promise<T>): Promise<T> {
  return storage.run({ scope }, fn);
}

/**
 * Runs `fn` in the current signed-in scope, reaching exactly `tenantIds` (a partner user's
 * cross-tenant search and template copy: tenants the caller has checked are the user's own).
 */
export function withTenants<T>(tenantIds: readonly string[], fn: () => Promise<T>): Promise<T> {
  const scope = currentRowScope();
  if (scope?.kind !== 'tenants') throw new Error('withTenants: no signed-in row scope to extend');
  return withRowScope({ ...scope, tenantIds, customerOrganizationId: null, platformRows: false }, fn);
}

/**
 * The one way code sees every tenant's rows: sign-in before the caller is known, one-time links,
 * the operator console, background jobs. `reason` names the path (it shows in logs and reviews).
 */
export function widenRowScope<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return withRowScope(allRows(reason), fn);
}

export const allRows = (reason: string): RowScope => ({ kind: 'all', reason });

/**
 * Whose a platform row (an audit event, a queued mail) written now is when the writer names no
 * tenant: a signed-in request's own tenant and customer organisation (a user's own account
 * change made in a tenant's portal is that tenant's record), else nobody's.
 */
export function rowOwnerOfScope(): { tenantId: string | null; customerOrganizationId: string | null } {
  const scope = currentRowScope();
  if (scope?.kind !== 'tenants' || scope.tenantIds.length !== 1)
    return { tenantId: null, customerOrganizationId: null };
  return { tenantId: scope.tenantIds[0]!, customerOrganizationId: scope.customerOrganizationId };
}

/** Tables with a `tenant_id` column: each has a policy (migration 0011, checked by its test). */
export const tenantOwnedTables = [
  'organizations',
  'memberships',
  'invitations',
  'audit_events',
  'outbox',
  'certificates',
  'account_requests',
  'customers',
  'customer_name_grams',
  'tenant_settings',
  'tenant_referrer_urls',
  'tenant_links',
  'tenant_application_fields',
  'notification_addresses',
  'mail_templates',
  'user_groups',
] as const;

const tenantTablePattern = new RegExp(`\\b(${tenantOwnedTables.join('|')})\\b`);

/**
 * Whether a statement names a tenant-owned table. A statement outside a transaction runs in its
 * own scoped transaction only then; one that slipped past would see no tenant row (fail closed).
 */
export const touchesTenantRows = (sql: string): boolean => tenantTablePattern.test(sql);

const id = (value: string): string => {
  if (!/^[0-9]{1,19}$/.test(value)) throw new Error(`row scope: not an id: ${value}`);
  return value;
};

/** The settings the policies read (migration 0011), in the order of `rowScopeValues`. */
export const rowScopeSettings = ['all', 'tenants', 'customer', 'platform', 'user', 'orgs'] as const;

/** The values of a scope's settings, in the order of `rowScopeSettings`. */
export function rowScopeValues(scope: RowScope): string[] {
  if (scope.kind === 'all') return ['on', '', '', 'on', '', ''];
  return [
    '',
    scope.tenantIds.map(id).join(','),
    scope.customerOrganizationId ? id(scope.customerOrganizationId) : '',
    scope.platformRows ? 'on' : '',
    scope.userId ? id(scope.userId) : '',
    (scope.userOrganizationIds ?? []).map(id).join(','),
  ];
}

/**
 * The statement that sets a scope for the current transaction (`set_config(…, true)`), sent in
 * one simple-protocol message with BEGIN so that it costs no extra round trip. The values are
 * ids checked above and fixed words, so they are safe as literals.
 */
export function rowScopeSettingsSql(scope: RowScope): string {
  const values = rowScopeValues(scope);
  return `SELECT ${rowScopeSettings.map((name, i) => `set_config('mg.${name}', '${values[i]}', true)`).join(', ')}`;
}
