import { type PasswordPolicy, standardPolicy, strictestPolicy } from '../../../common/password-policy.js';
import type { Db } from '../../db/pool.js';

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
