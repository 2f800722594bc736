import type { Db } from '../../db/pool.js';
import type { Scope } from '../../platform/auth/scope.js';
import { AppError, forbidden } from '../../platform/errors.js';

/**
 * The certificate part of an organisation's MFA policy (ID-5, `004 §3-2`): switching
 * "client certificate required for admins" on is refused while the organisation is on trial
 * (409 trial_organization) and, for a customer organisation, allowed only to its own admin
 * (403 otherwise, the operator included). Switching it off, or leaving it as it is, is free.
 * Call inside the transaction that writes the policy.
 */
export async function assertCertificatePolicyChange(
  trx: Db,
  scope: Scope,
  organizationId: string,
  requireCertificateForAdmins: boolean,
): Promise<void> {
  if (!requireCertificateForAdmins) return;
  const org = await trx
    .selectFrom('organizations')
    .leftJoin('organization_mfa_policies as p', 'p.organization_id', 'organizations.id')
    .select(['organizations.kind', 'organizations.trial', 'p.require_certificate_for_admins as current'])
    .where('organizations.id', '=', organizationId)
    .forUpdate('organizations')
    .executeTakeFirstOrThrow();
  if (org.current) return;
  if (org.kind === 'customer' && !(scope.organizationId === organizationId && scope.role === 'admin'))
    throw forbidden();
  if (org.trial) throw new AppError(409, 'trial_organization');
}
