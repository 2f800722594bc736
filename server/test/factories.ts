import { type Insertable, sql } from 'kysely';
import { formatCustomerCode } from '../../common/codes.js';
import type { Role } from '../../common/roles.js';
import { ensureOperatorOrganization } from '../db/operator-organization.js';
import type { Db } from '../db/pool.js';
import type { CustomersTable } from '../db/types.js';
import { createTenant } from '../modules/tenants/create-tenant.js';
import { systemClock } from '../platform/clock.js';
import { hashPassword } from '../platform/passwords.js';

export const TEST_PASSWORD = 'Correct-Horse-42!';
let cachedHash: Promise<string> | undefined;

export async function makeOperator(db: Db) {
  return ensureOperatorOrganization(db, systemClock);
}

export async function makeTenant(db: Db, name = 'テスト販売株式会社') {
  return createTenant(db, systemClock, { name, actorUserId: null, ip: null });
}

/** A customer organisation of `tenantId` with a complete profile (CU-2). */
export async function makeCustomer(
  db: Db,
  tenantId: string,
  name = 'テスト顧客株式会社',
  profile: Partial<Insertable<CustomersTable>> = {},
) {
  const { n } = (await sql<{ n: string }>`SELECT nextval('customer_code_seq') AS n`.execute(db)).rows[0]!;
  const organization = await db
    .insertInto('organizations')
    .values({ kind: 'customer', code: formatCustomerCode(BigInt(n)), name, tenant_id: tenantId })
    .returning(['id', 'code', 'name', 'tenant_id', 'created_at'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('customers')
    .values({
      id: organization.id,
      tenant_id: tenantId,
      contact_family_name: '日電',
      contact_given_name: '太郎',
      email: 'contact@example.com',
      postal_code: '733-0001',
      prefecture: '広島県',
      address: '広島市西区大芝1-2-3',
      phone: '0821234567',
      created_at: organization.created_at,
      updated_at: organization.created_at,
      ...profile,
    })
    .execute();
  return organization;
}

/** A user with the test password and the given memberships. */
export async function makeUser(
  db: Db,
  email: string,
  memberships: { organization: { id: string; tenant_id?: string | null }; role: Role }[] = [],
  extra: { name?: string; locale?: 'ja' | 'en'; status?: 'active' | 'disabled' } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await db
    .insertInto('users')
    .values({
      email,
      name: extra.name ?? 'テスト 利用者',
      password_hash: await cachedHash,
      locale: extra.locale,
      status: extra.status,
      home_organization_id: memberships[0]?.organization.id ?? null,
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  for (const m of memberships) {
    await db
      .insertInto('memberships')
      .values({
        user_id: user.id,
        organization_id: m.organization.id,
        tenant_id: m.organization.tenant_id ?? null,
        role: m.role,
      })
      .execute();
  }
  return user;
}
