import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';

/** Removes the user's authenticator app (after re-authentication); a TOTP method choice is cleared. */
export async function removeTotp(deps: AppDeps, input: { userId: string; ip: string | null }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        totp_secret: null,
        totp_enrolled_at: null,
        totp_pending_secret: null,
        totp_pending_at: null,
        mfa_method: eb.fn('nullif', ['mfa_method', eb.val('totp')]),
      }))
      .where('id', '=', input.userId)
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: input.userId,
      action: 'user.mfa_remove',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
      details: { method: 'totp' },
    });
  });
}
