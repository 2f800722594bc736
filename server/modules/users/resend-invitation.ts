import type { AppDeps } from '../../deps.js';
import { reissueInvitation } from '../invitations/reissue-invitation.js';
import type { AdminContext } from './context.js';
import { lockInvitedMember } from './repository.js';

/** 招待メール再送: a fresh 7-day link for an open invitation of this organisation (audited there). */
export async function resendInvitation(
  deps: AppDeps,
  ctx: AdminContext,
  memberId: string,
): Promise<{ expiresAt: Date }> {
  return deps.db.transaction().execute(async (trx) => {
    const membership = await lockInvitedMember(trx, ctx.scope.organizationId, memberId);
    const link = await reissueInvitation(trx, deps, {
      membershipId: membership.id,
      actorUserId: ctx.scope.userId,
      ip: ctx.ip,
    });
    return { expiresAt: link.expiresAt };
  });
}
