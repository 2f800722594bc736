import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { hashToken } from '../../platform/tokens.js';

/** A link that can still be used: known, not expired, not used (the hash is cleared on use). */
const usable = (db: Db, token: string, now: Date) =>
  db
    .selectFrom('notification_addresses as n')
    .innerJoin('organizations as t', 't.id', 'n.tenant_id')
    .select(['n.id', 'n.email', 'n.tenant_id', 't.code as tenantCode', 't.name as tenantName'])
    .where('n.token_hash', '=', hashToken(token))
    .where('n.token_expires_at', '>', now);

/** GET /api/notification-addresses/verify/:token: shows whose address the link confirms. */
export async function showVerification(deps: Pick<AppDeps, 'db' | 'clock'>, token: string) {
  const row = await usable(deps.db, token, deps.clock.now()).executeTakeFirst();
  if (!row) throw notFound();
  return { email: row.email, tenantCode: row.tenantCode, tenantName: row.tenantName };
}

/**
 * POST /api/notification-addresses/verify/:token (メール有効化): marks the address verified,
 * exactly once — the row is locked and the link's hash cleared, so a second or parallel use is
 * a 404.
 */
export async function confirmVerification(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { token: string; ip: string | null },
): Promise<{ email: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await usable(trx, input.token, now).forUpdate('n').executeTakeFirst();
    if (!row) throw notFound();
    await trx
      .updateTable('notification_addresses')
      .set({ verified_at: now, token_hash: null, token_expires_at: null })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      organizationId: row.tenant_id,
      tenantId: row.tenant_id,
      action: 'notification_address.verify',
      targetType: 'notification_address',
      targetId: row.id,
      ip: input.ip,
      details: { email: row.email },
    });
    return { email: row.email };
  });
}
