import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { assertRecentReauth } from '../mfa/reauth.js';
import { deletePasskey, lockOwnPasskey } from './repository.js';

/**
 * Removes one of the caller's own passkeys. Another user's passkey id is a 404, as if it did not
 * exist; the caller's own one needs the password re-entered in the last minutes (403
 * reauth_required otherwise). With the last passkey, a 'passkey' method choice is cleared.
 */
export async function removePasskey(
  deps: AppDeps,
  input: { userId: string; sessionId: string; passkeyId: string; ip: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockOwnPasskey(trx, input.userId, input.passkeyId);
    if (!row) throw notFound();
    await assertRecentReauth(trx, deps.clock.now(), input.sessionId);
    // The last passkey gone: a 'passkey' method choice goes with it.
    await deletePasskey(trx, input.userId, row.id);
    await recordAudit(trx, deps.clock, {
      actorUserId: input.userId,
      action: 'passkey.remove',
      targetType: 'passkey',
      targetId: row.id,
      ip: input.ip,
      details: { name: row.name },
    });
  });
}
