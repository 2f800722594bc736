import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { formatCustomerCode } from '../../common/codes.js';
import type { Role } from '../../common/roles.js';
import { createTenant } from '../modules/tenants/create-tenant.js';
import { publishTerms } from '../modules/terms/publish-terms.js';
import type { Clock } from '../platform/clock.js';
import { hashPassword } from '../platform/passwords.js';
import { seedDemoCustomers } from './demo-customers.js';
import { demoTerms } from './demo-terms.js';
import { ensureOperatorOrganization } from './operator-organization.js';
import type { Db } from './pool.js';

export const demoLogins = [
  { email: 'operator@madoguchi.example', label: 'operator admin (operator console)' },
  { email: 'partner@madoguchi.example', label: 'partner admin of T8000001, member of T8000002' },
  { email: 'customer@madoguchi.example', label: 'customer admin of a T8000001 customer company' },
] as const;

/** The demo password: DEMO_PASSWORD, else the one generated at first start (kept in the data dir). */
export function demoPassword(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = `Demo-${randomBytes(9).toString('base64url')}1!`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

/** Seeds the demo organisations and users once; later starts only refresh the demo password. */
export async function seedDemo(db: Db, clock: Clock, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(4242)`.execute(trx);
    const seeded = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoLogins[0].email)
      .executeTakeFirst();
    if (seeded) {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where(
          'email',
          'in',
          demoLogins.map((l) => l.email),
        )
        .execute();
      return;
    }
    const operator = await ensureOperatorOrganization(trx, clock);
    const tenant1 = await createTenant(trx, clock, {
      name: 'デモ販売店株式会社',
      actorUserId: null,
      ip: null,
    });
    const tenant2 = await createTenant(trx, clock, {
      name: 'サンプル商事株式会社',
      actorUserId: null,
      ip: null,
    });
    // Verified notification addresses (PP-6), so the dashboard does not warn about missing ones.
    await trx
      .insertInto('notification_addresses')
      .values(
        [
          { tenant: tenant1.id, email: 'notice@demo-hanbai.example' },
          { tenant: tenant2.id, email: 'notice@sample-shoji.example' },
        ].map(({ tenant, email }) => ({
          tenant_id: tenant,
          slot: 1,
          email,
          verified_at: clock.now(),
          created_at: clock.now(),
        })),
      )
      .execute();
    const { n } = (await sql<{ n: string }>`SELECT nextval('customer_code_seq') AS n`.execute(trx)).rows[0]!;
    const customer = await trx
      .insertInto('organizations')
      .values({
        kind: 'customer',
        code: formatCustomerCode(BigInt(n)),
        name: 'デモ顧客株式会社',
        tenant_id: tenant1.id,
        // Quoted by its admin for account procedures (ID-16, アカウント手続き).
        support_id: 'SUP-DEM0C0DE',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('customers')
      .values({
        id: customer.id,
        tenant_id: tenant1.id,
        contact_family_name: '顧客',
        contact_given_name: '一郎',
        department: '総務部',
        email: 'customer@madoguchi.example',
        postal_code: '100-0005',
        prefecture: '東京都',
        address: '千代田区丸の内1-1-1',
        phone: '0312345678',
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
    await seedDemoCustomers(trx, clock, tenant1.id, tenant2.id);

    const addUser = async (
      email: string,
      name: string,
      memberships: { org: string; tenant: string | null; role: Role }[],
    ) => {
      const user = await trx
        .insertInto('users')
        .values({
          email,
          name,
          password_hash: passwordHash,
          created_at: clock.now(),
          home_organization_id: memberships[0]!.org,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const m of memberships) {
        await trx
          .insertInto('memberships')
          .values({ user_id: user.id, organization_id: m.org, tenant_id: m.tenant, role: m.role })
          .execute();
      }
    };
    await addUser(demoLogins[0].email, '運営 太郎', [
      { org: operator.id, tenant: null, role: 'operator_admin' },
    ]);
    await addUser(demoLogins[1].email, '販売 花子', [
      { org: tenant1.id, tenant: tenant1.id, role: 'admin' },
      { org: tenant2.id, tenant: tenant2.id, role: 'member' },
    ]);
    await addUser(demoLogins[2].email, '顧客 一郎', [
      { org: customer.id, tenant: tenant1.id, role: 'admin' },
    ]);
    // Terms v1, already accepted by the demo users so the demo starts in the portals; users added
    // later accept them at their first sign-in.
    const terms = await publishTerms(trx, clock, { ...demoTerms, publishedBy: null, ip: null });
    await trx
      .insertInto('terms_acceptances')
      .columns(['user_id', 'terms_version_id', 'accepted_at'])
      .expression((eb) =>
        eb
          .selectFrom('users')
          .select((e) => ['id', e.val(terms.id).as('v'), e.val(clock.now()).as('at')])
          .where(
            'email',
            'in',
            demoLogins.map((l) => l.email),
          ),
      )
      .execute();
  });
}
