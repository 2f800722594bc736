import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { assertAccountAction } from './account-rules.js';
import { lockMember, updateAccount } from './repository.js';

/**
 * ロック解除 (ID-2): clears the failed-login count and the lock of an account this organisation
 * manages, after the admin re-entered their password; never the admin's own account.
 */
export async function unlockUser(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockMember(trx, actor, userId);
    await assertAccountAction(deps, trx, actor, userId);
    await updateAccount(trx, userId, { failed_login_count: 0, locked_until: null });
    await recordAudit(trx, deps.clock, { ...actorAudit(actor, 'user', userId), action: 'user.unlock' });
  });
}
