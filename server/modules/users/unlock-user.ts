import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type AdminContext, auditBase } from './context.js';
import { lockMembership } from './repository.js';

/** ロック解除 (ID-2): clears the failed-login count and the lock of a user of this organisation. */
export async function unlockUser(deps: AppDeps, ctx: AdminContext, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockMembership(trx, ctx.scope.organizationId, userId);
    const before = await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null })
      .where('id', '=', userId)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock, { ...auditBase(ctx, before.id), action: 'user.unlock' });
  });
}
