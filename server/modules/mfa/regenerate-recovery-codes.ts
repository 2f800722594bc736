import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { replaceRecoveryCodes } from './recovery-codes.js';

/** New recovery codes (after re-authentication): the old ones stop working; shown once. */
export async function regenerateRecoveryCodes(
  deps: AppDeps,
  input: { userId: string; ip: string | null },
): Promise<string[]> {
  return deps.db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, deps.clock, input.userId);
    await recordAudit(trx, deps.clock, {
      actorUserId: input.userId,
      action: 'user.mfa_recovery_codes',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
    });
    return codes;
  });
}
