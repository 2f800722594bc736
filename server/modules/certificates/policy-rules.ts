import type { Db } from '../../db/pool.js';
import type { OrganizationScope } from '../../db/tenant-match.js';
import type { Scope } from '../../platform/auth/scope.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { isActiveAdminOf, lockOrganizationCertificateRule } from './repository.js';
import { endAdminSessionsWithoutCertificate, sessionHasValidCertificate } from './session-repository.js';

/**
 * The certificate part of an organisation's MFA policy (ID-5, `004 §3-2`): switching
 * "client certificate required for admins" on is refused while the organisation is on trial
 * (409 trial_organization) and, for a customer organisation, allowed only to its own admin
 * (403 otherwise, the operator included). An admin of that organisation (who would need the
 * certificate at the next sign-in) may switch it on only from a session opened with a valid
 * certificate of theirs (409 certificate_required_first), so nobody locks themselves out. Once
 * on, the organisation's admin sessions not opened with a valid certificate end (the caller's
 * own is never one of them). Switching it off, or leaving it as it is, is free. Call inside the
 * transaction that writes the policy; answers whether it was switched on.
 */
export async function applyCertificatePolicyChange(
  trx: Db,
  clock: Clock,
  caller: { scope: Scope; sessionId: string | null },
  organization: OrganizationScope,
  requireCertificateForAdmins: boolean,
): Promise<{ switchedOn: boolean; sessionsEnded: number }> {
  const unchanged = { switchedOn: false, sessionsEnded: 0 };
  if (!requireCertificateForAdmins) return unchanged;
  const { scope } = caller;
  const org = await lockOrganizationCertificateRule(trx, organization);
  if (org.current) return unchanged;
  if (
    org.kind === 'customer' &&
    !(scope.organizationId === organization.organizationId && scope.role === 'admin')
  )
    throw forbidden();
  if (org.trial) throw new AppError(409, 'trial_organization');
  const callerIsAdmin = await isActiveAdminOf(trx, organization, scope.userId);
  if (
    callerIsAdmin &&
    !(caller.sessionId && (await sessionHasValidCertificate(trx, clock, caller.sessionId)))
  )
    throw new AppError(409, 'certificate_required_first');
  return {
    switchedOn: true,
    sessionsEnded: await endAdminSessionsWithoutCertificate(trx, clock, organization),
  };
}
