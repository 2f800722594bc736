import { defaultMfaPolicy, type MfaMethod, type MfaPolicyBody } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';
import { activeMembershipMfaPolicies, findMfaPolicyRow } from './repository.js';

export type EffectiveMfaPolicy = { requireMfa: boolean; allowedMethods: MfaMethod[] };

/** An organisation's MFA policy (ID-5); an organisation that never set one allows every method. */
export async function organizationMfaPolicy(db: Db, organizationId: string): Promise<MfaPolicyBody> {
  const row = await findMfaPolicyRow(db, organizationId);
  if (!row) return { ...defaultMfaPolicy, allowedMethods: [...defaultMfaPolicy.allowedMethods] };
  return {
    requireMfa: row.require_mfa,
    allowedMethods: row.allowed_methods,
    requireCertificateForAdmins: row.require_certificate_for_admins,
  };
}

/**
 * The strictest policy over the user's active organisations: 2FA is required when any of them
 * requires it, and only the methods every one of them allows are offered.
 */
export async function effectiveMfaPolicy(db: Db, userId: string): Promise<EffectiveMfaPolicy> {
  return strictestMfaPolicy(await activeMembershipMfaPolicies(db, userId));
}

/** The strictest policy of these organisations' policies (a missing one allows everything). */
export function strictestMfaPolicy(
  rows: { require_mfa: boolean | null; allowed_methods: MfaMethod[] | null }[],
): EffectiveMfaPolicy {
  let allowed = [...defaultMfaPolicy.allowedMethods];
  for (const r of rows)
    if (r.allowed_methods) allowed = allowed.filter((m) => r.allowed_methods!.includes(m));
  return { requireMfa: rows.some((r) => r.require_mfa === true), allowedMethods: allowed };
}
