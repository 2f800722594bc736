import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { assertRecentReauth } from '../mfa/reauth.js';

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
    const row = await trx
      .selectFrom('passkeys')
      .select(['id', 'name'])
      .where('id', '=', input.passkeyId)
      .where('user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    await assertRecentReauth(trx, deps.clock.now(), input.sessionId);
    await trx.deleteFrom('passkeys').where('id', '=', row.id).execute();
    // The last passkey gone: a 'passkey' method choice goes with it.
    await trx
      .updateTable('users')
      .set((eb) => ({ mfa_method: eb.fn('nullif', ['mfa_method', eb.val('passkey')]) }))
      .where('id', '=', input.userId)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('passkeys').select('id').where('user_id', '=', input.userId))),
      )
      .execute();
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
