import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { endMembershipSessions, lockMember, updateMembership } from './repository.js';

/**
 * 無効化: the membership can no longer be chosen or used, and the user's sessions working in
 * this organisation end now (sessions in their other organisations stay). Only an active
 * membership can be disabled — an invitation is cancelled instead; nobody disables themselves.
 */
export async function disableUser(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  if (userId === actor.userId) throw new AppError(409, 'cannot_change_self');
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const membership = await lockMember(trx, actor, userId);
    if (membership.status === 'disabled') return;
    if (membership.status !== 'active') throw new AppError(409, 'not_active');
    await updateMembership(trx, actor, membership.id, {
      status: 'disabled',
      disabled_at: now,
    });
    const endedSessions = await endMembershipSessions(trx, userId, membership.id, now);
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'user.disable',
      details: { endedSessions },
    });
  });
}
