import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../common/roles.js';
import { forbidden } from '../errors.js';
import { requireScope } from './plugin.js';
import type { Scope } from './scope.js';

/**
 * Who is calling, in one shape for every use case: the signed-in user, the membership they act
 * through (its organisation, kind, partner tenant and role), the customer organisation when
 * they work in a customer portal, and where the request came from. Use cases take
 * `(deps, actor, input)`; transactions pass the same actor on.
 */
export type Actor = Scope & {
  /** The customer organisation of a customer-portal membership (null for operator and partners). */
  customerOrganizationId: string | null;
  ip: string | null;
  locale: Locale;
  sessionId: string;
};

/** A member of a partner tenant (partner portal routes). */
export type PartnerActor = Actor & { kind: 'partner'; tenantId: string };

/** The actor of a signed-in request whose route's access rule requires a membership. */
export function actorOf(req: FastifyRequest): Actor {
  const scope = requireScope(req);
  return {
    ...scope,
    customerOrganizationId: scope.kind === 'customer' ? scope.organizationId : null,
    ip: req.ip,
    locale: req.locale,
    sessionId: req.session!.id,
  };
}

/**
 * The actor of a partner-portal route. The route's access rule `{ kind: 'partner' }` already
 * refuses other kinds; this narrows the type, and answers a wrong kind 403 like the rule does.
 */
export function partnerActor(req: FastifyRequest): PartnerActor {
  const actor = actorOf(req);
  if (actor.kind !== 'partner' || !actor.tenantId) throw forbidden();
  return actor as PartnerActor;
}

/** The audit fields every event an actor causes shares (what, on which object). */
export const actorAudit = (actor: Actor, targetType: string, targetId: string) => ({
  actorUserId: actor.userId,
  organizationId: actor.organizationId,
  tenantId: actor.tenantId,
  targetType,
  targetId,
  ip: actor.ip,
});
