import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { clearTotp } from './repository.js';

/** Removes the user's authenticator app (after re-authentication); a TOTP method choice is cleared. */
export async function removeTotp(deps: AppDeps, input: { userId: string; ip: string | null }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await clearTotp(trx, input.userId);
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
