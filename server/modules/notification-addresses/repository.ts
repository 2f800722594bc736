import type { Db } from '../../db/pool.js';

export type NotificationAddressesView = {
  addresses: { slot: number; email: string; verified: boolean }[];
  anyVerified: boolean;
};

/** The tenant's notification addresses in slot order (slot 1 … 3), optionally locked. */
export async function storedAddresses(db: Db, tenantId: string, lock = false) {
  let q = db
    .selectFrom('notification_addresses')
    .select(['id', 'slot', 'email', 'verified_at', 'token_expires_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('slot');
  if (lock) q = q.forUpdate();
  return q.execute();
}

/** GET /api/partner/notification-addresses: what is stored and whether any address counts yet. */
export async function notificationAddressesView(
  db: Db,
  tenantId: string,
): Promise<NotificationAddressesView> {
  const rows = await storedAddresses(db, tenantId);
  const addresses = rows.map((r) => ({ slot: r.slot, email: r.email, verified: r.verified_at !== null }));
  return { addresses, anyVerified: addresses.some((a) => a.verified) };
}

/**
 * The addresses a tenant's notifications go to (PP-5, contract and application notices): an
 * address counts only once it has been verified through its link. Slot order.
 */
export async function verifiedNotificationAddresses(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notification_addresses')
    .select('email')
    .where('tenant_id', '=', tenantId)
    .where('verified_at', 'is not', null)
    .orderBy('slot')
    .execute();
  return rows.map((r) => r.email);
}
