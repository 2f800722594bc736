import type { MfaPolicyBody } from '../../../common/mfa.js';
import { widenRowScope } from '../../db/row-scope.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { Scope } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { applyCertificatePolicyChange } from '../certificates/policy-rules.js';
import { findPolicyOrganization, upsertMfaPolicy } from './repository.js';

const isOperatorAdmin = (scope: Scope) => scope.kind === 'operator' && scope.role === 'operator_admin';

/** An operator admin works on any organisation's policy: the row scope widens for them only. */
const asPolicyEditor = <T>(scope: Scope, fn: () => Promise<T>): Promise<T> =>
  isOperatorAdmin(scope) ? widenRowScope('operator console: organisation policy', fn) : fn();

/**
 * The organisation a policy route may touch: any organisation for an operator admin, otherwise
 * only the caller's own (another organisation is a 404).
 */
export function policyOrganization(deps: AppDeps, scope: Scope, organizationId: string) {
  if (!isOperatorAdmin(scope) && organizationId !== scope.organizationId) throw notFound();
  return asPolicyEditor(scope, async () => {
    const org = await findPolicyOrganization(deps.db, organizationId);
    if (!org) throw notFound();
    return org;
  });
}

/**
 * PUT /api/organizations/:organizationId/mfa-policy (ID-5): require 2FA, allowed methods,
 * certificates for admins (switching that on ends the admin sessions without a certificate).
 */
export async function updateMfaPolicy(
  deps: AppDeps,
  ctx: { scope: Scope; ip: string | null; sessionId: string | null },
  organizationId: string,
  body: MfaPolicyBody,
): Promise<void> {
  const org = await policyOrganization(deps, ctx.scope, organizationId);
  await asPolicyEditor(ctx.scope, () =>
    deps.db.transaction().execute(async (trx) => {
      const certificates = await applyCertificatePolicyChange(
        trx,
        deps.clock,
        ctx,
        { organizationId: org.id, tenantId: org.tenant_id },
        body.requireCertificateForAdmins,
      );
      const row = {
        require_mfa: body.requireMfa,
        allowed_methods: body.allowedMethods,
        require_certificate_for_admins: body.requireCertificateForAdmins,
        updated_at: deps.clock.now(),
        updated_by: ctx.scope.userId,
      };
      await upsertMfaPolicy(trx, org.id, row);
      await recordAudit(trx, deps.clock, {
        actorUserId: ctx.scope.userId,
        organizationId: org.id,
        tenantId: org.kind === 'operator' ? null : org.tenant_id,
        action: 'organization.mfa_policy_update',
        targetType: 'organization',
        targetId: org.id,
        ip: ctx.ip,
        details: certificates.switchedOn
          ? { ...body, sessionsEnded: certificates.sessionsEnded }
          : { ...body },
      });
    }),
  );
}
