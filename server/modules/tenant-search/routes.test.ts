import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn, validationError as validation } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const REQUIRED = '入力してください。';
const INVALID = '入力内容が正しくありません。';
const TOO_LONG = '入力できる文字数を超えています。';
const DIGITS = '電話番号はハイフンを除いて半角数字で入力してください。';

let t: TestApp;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;
let tenantA: Tenant;
let tenantB: Tenant;
let tenantC: Tenant;
let tenantD: Tenant;
let both: TestClient;
const search = (client: TestClient, by: string, q: string) =>
  client.get(`/api/partner/cross-tenant-search?by=${by}&q=${encodeURIComponent(q)}`);
type Hit = { tenantCode: string; customerCode: string; customerName: string };
const names = (res: { json: () => { items: Hit[] } }) => res.json().items.map((i) => i.customerName);

const customers: Record<string, Awaited<ReturnType<typeof makeCustomer>>> = {};

beforeAll(async () => {
  t = await startTestApp();
  const op = await makeOperator(t.db);
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  tenantC = await makeTenant(t.db, 'つばめ通信');
  tenantD = await makeTenant(t.db, 'ひばり電機');
  // The user is an admin of A, a member of B, invited (not yet active) in D and a stranger to C.
  const user = await makeUser(t.db, 'both@example.jp', [
    { organization: tenantA, role: 'admin' },
    { organization: tenantB, role: 'member' },
  ]);
  await t.db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organization_id: tenantD.id,
      tenant_id: tenantD.id,
      role: 'admin',
      status: 'invited',
    })
    .execute();
  const add = async (tenant: Tenant, name: string, phone = '0311112222') => {
    customers[`${tenant.code}:${name}`] = await makeCustomer(t.db, tenant.id, name, { phone });
  };
  await add(tenantA, '日電商事株式会社', '0312345678');
  await add(tenantA, '株式会社みなと日電', '0612345678');
  await add(tenantA, '100%果汁販売');
  await add(tenantA, 'A_B Trading');
  await add(tenantA, 'NEC Solutions', '123456789012345');
  await add(tenantB, '日電システム', '0312345678');
  await add(tenantB, 'nec partners');
  await add(tenantC, '日電テクノ（見えないはず）', '0312345678');
  await add(tenantD, '日電ハウス（招待中）', '0312345678');
  // 16 customers whose names share 「北海」: more than the 10 rows shown.
  for (let i = 0; i < 8; i++) await add(tenantB, `北海運輸${i}`);
  for (let i = 0; i < 8; i++) await add(tenantA, `北海食品${i}`);
  for (let i = 0; i < 3; i++) await add(tenantC, `北海物産${i}`);
  // A customer organisation's user and the operator: no partner tenant to search.
  await makeUser(t.db, 'customer@example.jp', [
    { organization: customers[`${tenantA.code}:日電商事株式会社`]!, role: 'admin' },
  ]);
  await makeUser(t.db, 'op@example.jp', [{ organization: op, role: 'operator_admin' }]);
  both = await signedIn(t.app, 'both@example.jp');
});
afterAll(() => t.close());

describe('GET /api/partner/cross-tenant-search (PP-1)', () => {
  it('works on the tenant selection page, before an organisation is chosen', async () => {
    expect((await both.get('/api/session')).json().current).toBeNull();
    const res = await search(both, 'name', '日電');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 3,
      items: [
        {
          tenantId: tenantA.id,
          tenantCode: tenantA.code,
          tenantName: 'あおぞら販売',
          customerId: customers[`${tenantA.code}:日電商事株式会社`]!.id,
          customerCode: customers[`${tenantA.code}:日電商事株式会社`]!.code,
          customerName: '日電商事株式会社',
        },
        expect.objectContaining({ tenantCode: tenantA.code, customerName: '株式会社みなと日電' }),
        expect.objectContaining({
          tenantId: tenantB.id,
          tenantName: 'かわせみ商事',
          customerName: '日電システム',
        }),
      ],
    });
  });

  it('only the user’s active partner tenants: never tenant C’s, nor those of an invitation not yet accepted', async () => {
    for (const [by, q] of [
      ['name', '日電'],
      ['name', '見えない'],
      ['name', '招待中'],
      ['name', '北海物産'],
      ['phone', '0312345678'],
    ] as const) {
      const res = await search(both, by, q);
      for (const item of res.json().items as Hit[])
        expect([tenantA.code, tenantB.code]).toContain(item.tenantCode);
    }
    expect((await search(both, 'name', '見えない')).json()).toEqual({ total: 0, items: [] });
    expect((await search(both, 'name', '招待中')).json()).toEqual({ total: 0, items: [] });
  });

  it('more than 10 hits: the first 10 by tenant code and customer code, and the total', async () => {
    const res = await search(both, 'name', '北海');
    expect(res.json().total).toBe(16);
    const items = res.json().items as Hit[];
    expect(items).toHaveLength(10);
    const sorted = [...items].sort((a, b) =>
      a.tenantCode === b.tenantCode
        ? a.customerCode.localeCompare(b.customerCode)
        : a.tenantCode.localeCompare(b.tenantCode),
    );
    expect(items).toEqual(sorted);
    expect(items.map((i) => i.customerName)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `北海食品${i}`),
      '北海運輸0',
      '北海運輸1',
    ]);
    // Exactly 10 hits: all shown, total 10.
    await makeCustomer(t.db, tenantC.id, '十件ちょうど0');
    for (let i = 0; i < 10; i++)
      await makeCustomer(t.db, i < 5 ? tenantA.id : tenantB.id, `十件ちょうど${i}`);
    const ten = await search(both, 'name', '十件ちょうど');
    expect({ total: ten.json().total, shown: ten.json().items.length }).toEqual({ total: 10, shown: 10 });
  });

  it('name: partial, case-insensitive; one character works too; LIKE wildcards are plain characters', async () => {
    expect(names(await search(both, 'name', 'nec'))).toEqual(['NEC Solutions', 'nec partners']);
    expect(names(await search(both, 'name', 'みなと'))).toEqual(['株式会社みなと日電']);
    expect((await search(both, 'name', '電')).json().total).toBe(3);
    expect(names(await search(both, 'name', '%'))).toEqual(['100%果汁販売']);
    expect(names(await search(both, 'name', '0%果'))).toEqual(['100%果汁販売']);
    expect(names(await search(both, 'name', '_'))).toEqual(['A_B Trading']);
    expect(names(await search(both, 'name', 'A_B'))).toEqual(['A_B Trading']);
    expect((await search(both, 'name', '\\')).json()).toEqual({ total: 0, items: [] });
    expect((await search(both, 'name', '日 電')).json()).toEqual({ total: 0, items: [] });
    // Surrounding spaces are trimmed.
    expect((await search(both, 'name', '  日電  ')).json().total).toBe(3);
  });

  it('name: 40 characters accepted, 41 refused on the field', async () => {
    const forty = '株'.repeat(40);
    await makeCustomer(t.db, tenantA.id, forty);
    expect(names(await search(both, 'name', forty))).toEqual([forty]);
    const res = await search(both, 'name', `${forty}株`);
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 400,
      body: validation({ q: [TOO_LONG] }),
    });
  });

  it('phone: exact digits only; 15 digits accepted, 16 refused; hyphens and partial numbers refused or unmatched', async () => {
    expect(names(await search(both, 'phone', '0312345678'))).toEqual(['日電商事株式会社', '日電システム']);
    expect((await search(both, 'phone', '031234567')).json()).toEqual({ total: 0, items: [] });
    expect(names(await search(both, 'phone', '123456789012345'))).toEqual(['NEC Solutions']);
    for (const [q, message] of [
      ['1234567890123456', TOO_LONG],
      ['03-1234-5678', DIGITS],
      ['０３１２３４５６７８', DIGITS],
      ['<script>', DIGITS],
    ] as const) {
      const res = await search(both, 'phone', q);
      expect({ q, status: res.statusCode, body: res.json() }).toEqual({
        q,
        status: 400,
        body: validation({ q: [message] }),
      });
    }
  });

  it('bad queries: missing or empty term, unknown field or mode → 400 naming the field', async () => {
    const cases: [string, Record<string, string[]>][] = [
      ['', { by: [INVALID], q: [REQUIRED] }],
      ['?by=name', { q: [REQUIRED] }],
      ['?by=name&q=', { q: [REQUIRED] }],
      ['?by=name&q=%20%20', { q: [REQUIRED] }],
      ['?by=email&q=a', { by: [INVALID] }],
      ['?by=name&q=a&tenantId=1', { tenantId: ['この項目は受け付けられません。'] }],
    ];
    for (const [qs, fields] of cases) {
      const res = await both.get(`/api/partner/cross-tenant-search${qs}`);
      expect({ qs, status: res.statusCode, body: res.json() }).toEqual({
        qs,
        status: 400,
        body: validation(fields),
      });
    }
  });

  it('people without a partner tenant find nothing; signed out is a 401; nothing is ever written', async () => {
    const before = await countRows(t.db);
    for (const email of ['customer@example.jp', 'op@example.jp']) {
      const client = await signedIn(t.app, email);
      expect((await search(client, 'name', '日電')).json()).toEqual({ total: 0, items: [] });
      expect((await search(client, 'phone', '0312345678')).json()).toEqual({ total: 0, items: [] });
    }
    const anonymous = await search(new TestClient(t.app), 'name', '日電');
    expect(anonymous.statusCode).toBe(401);
    const after = await countRows(t.db);
    // Signing in writes sessions and audit events only; the search itself writes nothing.
    expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
  });

  it('the phone query can use the phone index (names: db/customer-name-match.test.ts)', async () => {
    // With a handful of rows the planner prefers a scan: forbid it to see that the index fits.
    const plans = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`ANALYZE customers`.execute(trx);
      const explain = async (query: ReturnType<typeof sql>) =>
        (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      return {
        phone: await explain(sql`SELECT c.id FROM customers c WHERE c.phone = '0312345678'`),
      };
    });
    expect(plans.phone).toMatch(/customers_(tenant_)?phone_idx/);
  });
});
