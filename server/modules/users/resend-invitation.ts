import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { reissueInvitation } from '../invitations/reissue-invitation.js';
import { lockInvitedMember } from './repository.js';

/** 招待メール再送: a fresh 7-day link for an open invitation of this organisation (audited there). */
export async function resendInvitation(
  deps: AppDeps,
  actor: Actor,
  memberId: string,
): Promise<{ expiresAt: Date }> {
  return deps.db.transaction().execute(async (trx) => {
    const membership = await lockInvitedMember(trx, actor, memberId);
    const link = await reissueInvitation(trx, deps, {
      membershipId: membership.id,
      actorUserId: actor.userId,
      ip: actor.ip,
    });
    return { expiresAt: link.expiresAt };
  });
}
