import type { FastifyRequest } from 'fastify';
import { requireScope } from '../../platform/auth/plugin.js';
import { forbidden } from '../../platform/errors.js';

/** Who administers a customer's login users: a member of a partner tenant. */
export type PartnerContext = { userId: string; organizationId: string; tenantId: string; ip: string };

export function partnerContext(req: FastifyRequest): PartnerContext {
  const scope = requireScope(req);
  if (scope.kind !== 'partner' || !scope.tenantId) throw forbidden();
  return { userId: scope.userId, organizationId: scope.organizationId, tenantId: scope.tenantId, ip: req.ip };
}

/** The audit fields every event of this module shares. */
export const auditBase = (ctx: PartnerContext, userId: string) => ({
  actorUserId: ctx.userId,
  organizationId: ctx.organizationId,
  tenantId: ctx.tenantId,
  targetType: 'user',
  targetId: userId,
  ip: ctx.ip,
});
