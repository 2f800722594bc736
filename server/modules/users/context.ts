import type { Locale } from '../../../common/roles.js';
import type { Scope } from '../../platform/auth/scope.js';

/** Who asks for a change to a user, as every use case of this module needs it. */
export type AdminContext = { scope: Scope; ip: string | null; locale: Locale; sessionId: string };

/** The audit fields every user-administration event shares. */
export const auditBase = (ctx: AdminContext, userId: string) => ({
  actorUserId: ctx.scope.userId,
  organizationId: ctx.scope.organizationId,
  tenantId: ctx.scope.tenantId,
  targetType: 'user',
  targetId: userId,
  ip: ctx.ip,
});
