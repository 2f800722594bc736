import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { lockMember, updateMembership } from './repository.js';

/** 有効化: a disabled membership becomes usable again; anything else is left as it is. */
export async function enableUser(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockMember(trx, actor, userId);
    if (membership.status !== 'disabled') return;
    await updateMembership(trx, actor, membership.id, { status: 'active', disabled_at: null });
    await recordAudit(trx, deps.clock, { ...actorAudit(actor, 'user', userId), action: 'user.enable' });
  });
}
