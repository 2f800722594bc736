import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { findUsableVerification, markAddressVerified } from './repository.js';

/** GET /api/notification-addresses/verify/:token: shows whose address the link confirms. */
export async function showVerification(deps: Pick<AppDeps, 'db' | 'clock'>, token: string) {
  const row = await findUsableVerification(deps.db, token, deps.clock.now());
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
    const row = await findUsableVerification(trx, input.token, now, true);
    if (!row) throw notFound();
    await markAddressVerified(trx, row.tenant_id, row.id, now);
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
