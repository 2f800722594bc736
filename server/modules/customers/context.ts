import type { FastifyRequest } from 'fastify';
import { requireScope } from '../../platform/auth/plugin.js';
import { forbidden } from '../../platform/errors.js';

/** Who acts on the customers: a member of a partner tenant (the route's access rule checked the kind). */
export type PartnerContext = { userId: string; organizationId: string; tenantId: string; ip: string };

export function partnerContext(req: FastifyRequest): PartnerContext {
  const scope = requireScope(req);
  if (scope.kind !== 'partner' || !scope.tenantId) throw forbidden();
  return { userId: scope.userId, organizationId: scope.organizationId, tenantId: scope.tenantId, ip: req.ip };
}
