import type { Insertable } from 'kysely';
import { type PasswordPolicy, standardPolicy, strictestPolicy } from '../../../common/password-policy.js';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

export type LockoutPolicy = { threshold: number; minutes: number };
export const defaultLockout: LockoutPolicy = { threshold: 10, minutes: 60 };

type PolicyRow = {
  profile: 'standard' | 'nist';
  min_length: number;
  require_lower: boolean;
  require_upper: boolean;
  require_digit: boolean;
  require_symbol: boolean;
  history_count: number;
};

export const toPolicy = (r: PolicyRow): PasswordPolicy => ({
  profile: r.profile,
  minLength: r.min_length,
  requireLower: r.require_lower,
  requireUpper: r.require_upper,
  requireDigit: r.require_digit,
  requireSymbol: r.require_symbol,
  historyCount: r.history_count,
});

/** The policy of each organisation (the manual's default where none is stored), merged strictest-first. */
export async function passwordPolicyFor(db: Db, organizationIds: string[]): Promise<PasswordPolicy> {
  if (organizationIds.length === 0) return standardPolicy;
  const rows = await db
    .selectFrom('password_policies')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .execute();
  const policies = organizationIds.map((id) => {
    const row = rows.find((r) => r.organization_id === id);
    return row ? toPolicy(row) : standardPolicy;
  });
  return strictestPolicy(policies);
}

/** Organisations whose policies bind a user: every membership that is not disabled. */
export async function organizationsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('organization_id')
    .where('user_id', '=', userId)
    .where('status', '!=', 'disabled')
    .execute();
  return rows.map((r) => r.organization_id);
}

/** Lockout rule of a user: the strictest threshold and the longest duration of their organisations. */
export async function lockoutPolicyForUser(db: Db, userId: string): Promise<LockoutPolicy> {
  const rows = await db
    .selectFrom('memberships')
    .leftJoin('password_policies', 'password_policies.organization_id', 'memberships.organization_id')
    .select(['password_policies.lockout_threshold', 'password_policies.lockout_minutes'])
    .where('memberships.user_id', '=', userId)
    .execute();
  if (rows.length === 0) return defaultLockout;
  return {
    threshold: Math.min(...rows.map((r) => r.lockout_threshold ?? defaultLockout.threshold)),
    minutes: Math.max(...rows.map((r) => r.lockout_minutes ?? defaultLockout.minutes)),
  };
}

/** Whether the organisation exists (a policy is read for a known organisation only). */
export async function organizationExists(db: Db, organizationId: string) {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisation's stored policy row, or undefined (the manual's default applies). */
export async function findPolicyRow(db: Db, organizationId: string) {
  return db
    .selectFrom('password_policies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The organisation (with its tenant), its row locked while its policy changes; undefined when unknown. */
export async function lockOrganizationForPolicy(trx: Db, organizationId: string) {
  return trx
    .selectFrom('organizations')
    .select(['id', 'tenant_id'])
    .where('id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores the organisation's policy (a new row, or the existing one changed). */
export async function upsertPolicy(
  trx: Db,
  organizationId: string,
  values: Omit<Insertable<Database['password_policies']>, 'organization_id'>,
) {
  await trx
    .insertInto('password_policies')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}
