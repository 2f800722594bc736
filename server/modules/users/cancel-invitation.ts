import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { cancelOpenInvitations } from '../invitations/repository.js';
import { type AdminContext, auditBase } from './context.js';
import { lockInvitedMember } from './repository.js';

/**
 * 招待取消: the open links stop working (and keep answering "cancelled"), the invited membership
 * is removed, and an account that never got a password and belongs nowhere else goes with it.
 * The invitation rows are detached first, since they would otherwise be deleted by cascade.
 */
export async function cancelInvitation(deps: AppDeps, ctx: AdminContext, memberId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockInvitedMember(trx, ctx.scope.organizationId, memberId);
    const userId = membership.user_id;
    await cancelOpenInvitations(trx, membership.id, deps.clock.now());
    await trx
      .updateTable('invitations')
      .set({ membership_id: null })
      .where('membership_id', '=', membership.id)
      .execute();
    await trx.deleteFrom('memberships').where('id', '=', membership.id).execute();
    const orphan = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .where('password_hash', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('memberships').select('id').where('user_id', '=', userId))),
      )
      .executeTakeFirst();
    if (orphan) {
      await trx.updateTable('invitations').set({ user_id: null }).where('user_id', '=', userId).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
    }
    await recordAudit(trx, deps.clock, {
      ...auditBase(ctx, userId),
      action: 'user.invitation_cancel',
      details: { userDeleted: Boolean(orphan) },
    });
  });
}
