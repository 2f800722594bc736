import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowScopeOf } from '../platform/auth/plugin.js';
import type { Scope } from '../platform/auth/scope.js';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../test/factories.js';
import { signedIn } from '../test/helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { createDb, type Db } from './pool.js';
import { type RowScope, tenantOwnedTables, widenRowScope, withRowScope } from './row-scope.js';
import { connectionRole, RUNTIME_ROLE } from './runtime-role.js';

/**
 * Row-level security, the backstop behind the repositories' own WHERE: through the portal's
 * runtime role (`t.deps.db`), a statement sees exactly the rows of its scope, whatever it forgets
 * to say. The owner (`t.db`) sees everything and sets up the rows.
 */
let t: TestApp;
let app: Db;
let tenantA: { id: string };
let tenantB: { id: string };
let customerA: { id: string };
let customerA2: { id: string };
let customerB: { id: string };
let userB: string;

const scopeAs = (
  userId: string,
  membership: Partial<Scope> & Pick<Scope, 'kind' | 'organizationId'>,
): RowScope =>
  rowScopeOf(userId, {
    userId,
    membershipId: '0',
    role: 'admin',
    tenantId: null,
    ...membership,
  });

beforeAll(async () => {
  t = await startTestApp();
  app = t.deps.db;
  await makeOperator(t.db);
  tenantA = await makeTenant(t.db, 'テナントA');
  tenantB = await makeTenant(t.db, 'テナントB');
  customerA = await makeCustomer(t.db, tenantA.id, '顧客A株式会社');
  customerA2 = await makeCustomer(t.db, tenantA.id, '顧客A2株式会社');
  customerB = await makeCustomer(t.db, tenantB.id, '顧客B株式会社');
  await makeUser(t.db, 'admin-a@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
  ]);
  userB = (
    await makeUser(t.db, 'admin-b@example.jp', [
      { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'admin' },
    ])
  ).id;
  await makeUser(t.db, 'user-a@example.jp', [
    { organization: { id: customerA.id, tenant_id: tenantA.id }, role: 'admin' },
  ]);
  await makeUser(t.db, 'user-a2@example.jp', [
    { organization: { id: customerA2.id, tenant_id: tenantA.id }, role: 'member' },
  ]);
});
afterAll(async () => t?.close());

const partnerB = () => scopeAs(userB, { kind: 'partner', organizationId: tenantB.id, tenantId: tenantB.id });

describe('the runtime connection', () => {
  it('is the runtime role, bound by row-level security (not a superuser, no BYPASSRLS)', async () => {
    expect(await connectionRole(app)).toEqual({ role: RUNTIME_ROLE, bypassesRowSecurity: false });
  });

  it('every table with a tenant_id has ENABLE and FORCE row-level security and a policy, and is listed', async () => {
    const { rows } = await sql<{ table: string; enabled: boolean; forced: boolean; policies: string }>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
      ORDER BY c.relname`.execute(t.db);
    expect(rows.map((r) => r.table)).toEqual([...tenantOwnedTables].sort());
    for (const row of rows)
      expect(row, row.table).toMatchObject({
        enabled: true,
        forced: true,
        // The audit events and the outbox also take platform rows written by any signed-in user.
        policies: ['audit_events', 'outbox'].includes(row.table) ? '2' : '1',
      });
  });
});

describe('without a scope', () => {
  it('a query through the runtime role returns no row of any tenant table', async () => {
    for (const table of tenantOwnedTables) {
      const owner = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(t.db);
      const runtime = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(app);
      expect(runtime.rows[0]!.n, table).toBe('0');
      if (['organizations', 'memberships', 'customers'].includes(table))
        expect(Number(owner.rows[0]!.n), table).toBeGreaterThan(0);
    }
  });

  it('writes nothing either: an update or delete of every customer changes no row', async () => {
    const updated = await app.updateTable('customers').set({ memo1: 'x' }).executeTakeFirst();
    const deleted = await app.deleteFrom('customers').executeTakeFirst();
    expect([updated.numUpdatedRows, deleted.numDeletedRows]).toEqual([0n, 0n]);
  });
});

describe('a deliberately unscoped statement made as tenant B', () => {
  it("reads none of tenant A's rows", async () => {
    const rows = await withRowScope(partnerB(), () =>
      app.selectFrom('organizations').select(['id', 'kind']).orderBy('id').execute(),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([tenantB.id, customerB.id].sort());
    const customers = await withRowScope(partnerB(), () =>
      app.selectFrom('customers').select('id').execute(),
    );
    expect(customers.map((r) => r.id)).toEqual([customerB.id]);
  });

  it("changes none of tenant A's rows (update and delete without a tenant in WHERE, in and out of a transaction)", async () => {
    await withRowScope(partnerB(), async () => {
      await app.updateTable('customers').set({ memo1: 'B が書いた' }).execute();
      await app
        .transaction()
        .execute((trx) =>
          trx.updateTable('organizations').set({ name: '上書き' }).where('kind', '=', 'customer').execute(),
        );
    });
    const a = await t.db
      .selectFrom('customers')
      .select('memo1')
      .where('id', '=', customerA.id)
      .executeTakeFirstOrThrow();
    const aName = await t.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', customerA.id)
      .executeTakeFirstOrThrow();
    expect([a.memo1, aName.name]).toEqual([null, '顧客A株式会社']);
    const b = await t.db
      .selectFrom('customers')
      .select('memo1')
      .where('id', '=', customerB.id)
      .executeTakeFirstOrThrow();
    expect(b.memo1).toBe('B が書いた');
    await t.db
      .updateTable('organizations')
      .set({ name: '顧客B株式会社' })
      .where('id', '=', customerB.id)
      .execute();
  });

  it('cannot write a row into tenant A', async () => {
    await expect(
      withRowScope(partnerB(), () =>
        app
          .insertInto('user_groups')
          .values({ organization_id: tenantA.id, tenant_id: tenantA.id, name: '侵入' } as never)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('a customer-portal scope', () => {
  it("sees its own company's memberships and organisation rows, and its partner's, never a sibling customer's", async () => {
    const scope = scopeAs('0', { kind: 'customer', organizationId: customerA.id, tenantId: tenantA.id });
    const orgs = await withRowScope(scope, () => app.selectFrom('organizations').select('id').execute());
    expect(orgs.map((o) => o.id).sort()).toEqual([tenantA.id, customerA.id].sort());
    const members = await withRowScope(scope, () =>
      app.selectFrom('memberships').select('organization_id').execute(),
    );
    expect(members.map((m) => m.organization_id)).toEqual([customerA.id]);
  });
});

describe('widening', () => {
  it('a named widening sees every tenant; the next statement on the same connection is back to nothing', async () => {
    // One connection, so every statement below runs on the same one.
    const { db: solo } = createDb(t.deps.config.databaseUrl!, pino({ level: 'silent' }), 1, {
      rowScoped: true,
    });
    try {
      const all = await widenRowScope('test: every customer', () =>
        solo.transaction().execute((trx) => trx.selectFrom('customers').select('id').execute()),
      );
      expect(all).toHaveLength(3);
      expect(await solo.selectFrom('customers').select('id').execute()).toEqual([]);
      const [setting] = (
        await sql<{ all: string | null }>`SELECT current_setting('mg.all', true) AS all`.execute(solo)
      ).rows;
      expect(setting!.all ?? '').toBe('');
      expect(
        await withRowScope(partnerB(), () => solo.selectFrom('customers').select('id').execute()),
      ).toHaveLength(1);
    } finally {
      await solo.destroy();
    }
  });
});

describe('through HTTP', () => {
  it("a partner of tenant B lists only B's customers", async () => {
    await makeUser(t.db, 'lister-b@example.jp', [
      { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'admin' },
    ]);
    const b = await signedIn(t.app, 'lister-b@example.jp');
    const res = await b.get('/api/partner/customers');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([customerB.id]);
  });
});
