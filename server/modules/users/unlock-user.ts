import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { assertAccountAction } from './account-rules.js';
import { type AdminContext, auditBase } from './context.js';
import { lockMember } from './repository.js';

/**
 * ロック解除 (ID-2): clears the failed-login count and the lock of an account this organisation
 * manages, after the admin re-entered their password; never the admin's own account.
 */
export async function unlockUser(deps: AppDeps, ctx: AdminContext, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockMember(trx, ctx.scope.organizationId, userId);
    await assertAccountAction(deps, trx, ctx, userId);
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
    await recordAudit(trx, deps.clock, { ...auditBase(ctx, userId), action: 'user.unlock' });
  });
}
