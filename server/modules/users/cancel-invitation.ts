import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { cancelOpenInvitations } from '../invitations/repository.js';
import { deleteOrphanAccounts, lockInvitedMember, removeInvitedMembership } from './repository.js';

/**
 * 招待取消: the open links stop working (and keep answering "cancelled"), the invited membership
 * is removed, and an account that never got a password and belongs nowhere else goes with it.
 */
export async function cancelInvitation(deps: AppDeps, actor: Actor, memberId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockInvitedMember(trx, actor, memberId);
    const userId = membership.user_id;
    await cancelOpenInvitations(trx, actor, membership.id, deps.clock.now());
    await removeInvitedMembership(trx, actor, membership.id);
    const deleted = await deleteOrphanAccounts(trx, [userId], { keepAccountsWithPassword: true });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'user.invitation_cancel',
      details: { userDeleted: deleted.length > 0 },
    });
  });
}
