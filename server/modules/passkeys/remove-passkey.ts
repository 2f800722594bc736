import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';

/**
 * Removes one of the caller's own passkeys (after re-authentication, checked by the route).
 * Another user's passkey id is a 404, as if it did not exist.
 */
export async function removePasskey(
  deps: AppDeps,
  input: { userId: string; passkeyId: string; ip: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('passkeys')
      .where('id', '=', input.passkeyId)
      .where('user_id', '=', input.userId)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound();
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
