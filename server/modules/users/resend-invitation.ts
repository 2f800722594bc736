import type { AppDeps } from '../../deps.js';
import { reissueInvitation } from '../invitations/reissue-invitation.js';
import type { AdminContext } from './context.js';
import { lockMembership } from './repository.js';

/** 招待メール再送: a fresh 7-day link for a still-invited user of this organisation (audited there). */
export async function resendInvitation(
  deps: AppDeps,
  ctx: AdminContext,
  userId: string,
): Promise<{ expiresAt: Date }> {
  return deps.db.transaction().execute(async (trx) => {
    const membership = await lockMembership(trx, ctx.scope.organizationId, userId);
    const link = await reissueInvitation(trx, deps, {
      membershipId: membership.id,
      actorUserId: ctx.scope.userId,
      ip: ctx.ip,
    });
    return { expiresAt: link.expiresAt };
  });
}
