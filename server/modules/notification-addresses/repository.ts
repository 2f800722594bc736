import type { Db } from '../../db/pool.js';
import { hashToken } from '../../platform/tokens.js';

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

/**
 * The tenant's code and name, its row locked until the commit: two saves of the same tenant run
 * one after the other (the rows of empty slots do not exist yet, so they cannot be locked).
 */
export async function lockTenantForAddresses(trx: Db, tenantId: string) {
  return trx
    .selectFrom('organizations')
    .select(['id', 'code', 'name'])
    .where('id', '=', tenantId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow();
}

/** A slot's new or changed address: unverified, with the hash and expiry of its new link. */
type PendingAddress = {
  email: string;
  verified_at: null;
  token_hash: string;
  token_expires_at: Date;
  created_at: Date;
};

export async function insertAddress(trx: Db, tenantId: string, slot: number, values: PendingAddress) {
  await trx
    .insertInto('notification_addresses')
    .values({ tenant_id: tenantId, slot, ...values })
    .execute();
}

export async function replaceAddress(trx: Db, tenantId: string, addressId: string, values: PendingAddress) {
  await trx
    .updateTable('notification_addresses')
    .set(values)
    .where('id', '=', addressId)
    .where('tenant_id', '=', tenantId)
    .execute();
}

export async function deleteAddress(trx: Db, tenantId: string, addressId: string) {
  await trx
    .deleteFrom('notification_addresses')
    .where('id', '=', addressId)
    .where('tenant_id', '=', tenantId)
    .execute();
}

/**
 * The address a verification link stands for while it can still be used (known, not expired,
 * not used: the hash is cleared on use), with its tenant; locked when `forUpdate`. The link's
 * token is the only key: whoever holds it may see and confirm that one address.
 */
export async function findUsableVerification(db: Db, token: string, now: Date, forUpdate = false) {
  let query = db
    .selectFrom('notification_addresses as n')
    .innerJoin('organizations as t', 't.id', 'n.tenant_id')
    .select(['n.id', 'n.email', 'n.tenant_id', 't.code as tenantCode', 't.name as tenantName'])
    .where('n.token_hash', '=', hashToken(token))
    .where('n.token_expires_at', '>', now);
  if (forUpdate) query = query.forUpdate('n');
  return query.executeTakeFirst();
}

/** Marks the tenant's address verified and ends its link. */
export async function markAddressVerified(trx: Db, tenantId: string, addressId: string, now: Date) {
  await trx
    .updateTable('notification_addresses')
    .set({ verified_at: now, token_hash: null, token_expires_at: null })
    .where('id', '=', addressId)
    .where('tenant_id', '=', tenantId)
    .execute();
}
