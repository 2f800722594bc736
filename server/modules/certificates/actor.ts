import type { FastifyRequest } from 'fastify';
import { requireScope } from '../../platform/auth/plugin.js';

/** Who acts on an organisation's certificates: its admin, or an operator completing a request. */
export type CertificateActor = {
  actorUserId: string;
  organizationId: string;
  tenantId: string | null;
  ip: string | null;
};

/** The acting admin of a request on a route whose access rule guarantees a scope. */
export function adminActor(req: FastifyRequest): CertificateActor {
  const scope = requireScope(req);
  return {
    actorUserId: scope.userId,
    organizationId: scope.organizationId,
    tenantId: scope.tenantId,
    ip: req.ip,
  };
}

/** The audit fields every certificate event shares. */
export const certificateAudit = (actor: CertificateActor, userId: string) => ({
  actorUserId: actor.actorUserId,
  organizationId: actor.organizationId,
  tenantId: actor.tenantId,
  targetType: 'user',
  targetId: userId,
  ip: actor.ip,
});
