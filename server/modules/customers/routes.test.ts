import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefectures } from '../../../common/prefectures.js';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn, validationError as validation } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

// The deletion rule has no contracts or UTMs to look at yet: its answer is set per test.
const blockers = vi.hoisted(() => ({ value: [] as ('contracts' | 'devices')[] }));
vi.mock('./deletion-blockers.js', () => ({ customerDeletionBlockers: async () => blockers.value }));

const REQUIRED = '入力してください。';
const TOO_LONG = '入力できる文字数を超えています。';
const POSTAL = '郵便番号は半角数字7桁、または「733-0001」の形式で入力してください。';
const PREFECTURE = '都道府県を選択してください。';
const PHONE = 'ハイフンを除く半角数字で入力してください。';
const EMAIL = 'メールアドレスの形式が正しくありません。';

type Tenant = Awaited<ReturnType<typeof makeTenant>>;
let t: TestApp;
let tenantA: Tenant;
let tenantB: Tenant;
let asA: TestClient;
let asMemberA: TestClient;
let asB: TestClient;

const body = (over: Record<string, unknown> = {}) => ({
  name: '広島精機株式会社',
  memo1: '',
  memo2: '',
  memo3: '',
  contactFamilyName: '日電',
  contactGivenName: '太郎',
  department: '',
  title: '',
  email: 'contact@hiroshima-seiki.example',
  postalCode: '7330001',
  prefecture: '広島県',
  address: '広島市西区大芝1-2-3',
  phone: '0821234567',
  ...over,
});
const patch = (c: TestClient, id: string, b: unknown) =>
  c.request('PATCH', `/api/partner/customers/${id}`, b);
const del = (c: TestClient, id: string) => c.request('DELETE', `/api/partner/customers/${id}`);
const customerCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM customers`.execute(t.db)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp();
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  const partnerOf = (x: Tenant) => ({ id: x.id, tenant_id: x.id });
  await makeUser(t.db, 'admin-a@example.jp', [{ organization: partnerOf(tenantA), role: 'admin' }]);
  await makeUser(t.db, 'member-a@example.jp', [{ organization: partnerOf(tenantA), role: 'member' }]);
  await makeUser(t.db, 'admin-b@example.jp', [{ organization: partnerOf(tenantB), role: 'admin' }]);
  asA = await signedIn(t.app, 'admin-a@example.jp');
  asMemberA = await signedIn(t.app, 'member-a@example.jp');
  asB = await signedIn(t.app, 'admin-b@example.jp');
});
afterAll(() => t.close());
beforeEach(() => {
  blockers.value = [];
});

describe('creating a customer (CU-2)', () => {
  it('creates the organisation with the next A code and its profile, normalised, audited', async () => {
    const res = await asA.post(
      '/api/partner/customers',
      body({ memo1: '  重要顧客  ', department: '総務部', title: '部長' }),
    );
    expect(res.statusCode).toBe(201);
    const { id, code } = res.json();
    expect(code).toMatch(/^A\d{8}$/);
    const detail = (await asA.get(`/api/partner/customers/${id}`)).json();
    expect(detail).toEqual({
      id,
      code,
      name: '広島精機株式会社',
      status: 'active',
      memo1: '重要顧客',
      memo2: null,
      memo3: null,
      contactFamilyName: '日電',
      contactGivenName: '太郎',
      department: '総務部',
      title: '部長',
      email: 'contact@hiroshima-seiki.example',
      postalCode: '733-0001',
      prefecture: '広島県',
      address: '広島市西区大芝1-2-3',
      phone: '0821234567',
      balance: 0,
      lastBilledOn: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletionBlockers: [],
    });
    const org = await t.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ kind: 'customer', tenant_id: tenantA.id, code });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'customer.create')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      tenant_id: tenantA.id,
      organization_id: tenantA.id,
      target_type: 'customer',
    });
  });

  it('gives consecutive codes, and members may create too', async () => {
    const first = (await asA.post('/api/partner/customers', body({ name: '連番一' }))).json().code;
    const second = (await asMemberA.post('/api/partner/customers', body({ name: '連番二' }))).json().code;
    expect(Number(second.slice(1))).toBe(Number(first.slice(1)) + 1);
  });

  it('keeps script tags in names as plain text', async () => {
    const name = '<script>alert(1)</script>';
    const { id } = (await asA.post('/api/partner/customers', body({ name }))).json();
    expect((await asA.get(`/api/partner/customers/${id}`)).json().name).toBe(name);
  });

  it('accepts the postal code with or without the hyphen and stores NNN-NNNN', async () => {
    for (const postalCode of ['733-1234', '7331234', ' 7331234 ']) {
      const { id } = (await asA.post('/api/partner/customers', body({ postalCode }))).json();
      expect((await asA.get(`/api/partner/customers/${id}`)).json().postalCode).toBe('733-1234');
    }
  });

  it('accepts each of the 47 prefectures and nothing else', async () => {
    expect(prefectures).toHaveLength(47);
    for (const prefecture of prefectures) {
      expect((await asA.post('/api/partner/customers', body({ prefecture }))).statusCode).toBe(201);
    }
    for (const prefecture of ['広島', 'Hiroshima', '東京', '広島県 ']) {
      const res = await asA.post('/api/partner/customers', body({ prefecture }));
      expect(res.json()).toEqual(validation({ prefecture: [PREFECTURE] }));
    }
  });

  const x = (n: number) => 'あ'.repeat(n);
  it.each([
    ['name', 40, x],
    ['memo1', 255, x],
    ['memo2', 255, x],
    ['memo3', 255, x],
    ['contactFamilyName', 100, x],
    ['contactGivenName', 100, x],
    ['department', 40, x],
    ['title', 255, x],
    ['email', 255, (n: number) => `${'a'.repeat(n - '@example.jp'.length)}@example.jp`],
    ['address', 100, x],
    ['phone', 15, (n: number) => '0'.repeat(n)],
  ] as const)(
    '%s: %i characters are accepted, one more is refused and nothing is written',
    async (field, max, make) => {
      const ok = await asA.post('/api/partner/customers', body({ [field]: make(max) }));
      expect(ok.statusCode).toBe(201);
      expect((await asA.get(`/api/partner/customers/${ok.json().id}`)).json()[field]).toBe(make(max));
      const before = { rows: await countRows(t.db), customers: await customerCount() };
      const over = await asA.post('/api/partner/customers', body({ [field]: make(max + 1) }));
      expect(over.statusCode).toBe(400);
      expect(over.json()).toEqual(validation({ [field]: [TOO_LONG] }));
      expect({ rows: await countRows(t.db), customers: await customerCount() }).toEqual(before);
    },
  );

  it.each([
    ['postalCode', '733-12345', POSTAL],
    ['postalCode', '73312345', POSTAL],
    ['postalCode', '733123', POSTAL],
    ['postalCode', '７３３-１２３４', POSTAL],
    ['postalCode', '733－1234', POSTAL],
    ['postalCode', '733ー1234', POSTAL],
    ['postalCode', '73-31234', POSTAL],
    ['phone', '082-123-4567', PHONE],
    ['phone', '０８２１２３４５６７', PHONE],
    ['phone', '+81821234567', PHONE],
    ['email', 'not-an-address', EMAIL],
    ['email', 'ｔａｒｏ＠example.jp', EMAIL],
  ])('%s %s is refused with the field named, nothing written', async (field, value, message) => {
    const before = { rows: await countRows(t.db), customers: await customerCount() };
    const res = await asA.post('/api/partner/customers', body({ [field]: value }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation({ [field]: [message] }));
    expect({ rows: await countRows(t.db), customers: await customerCount() }).toEqual(before);
  });

  it('names every required field of an empty form, and blanks count as empty', async () => {
    const required = {
      name: [REQUIRED],
      contactFamilyName: [REQUIRED],
      contactGivenName: [REQUIRED],
      email: [REQUIRED],
      postalCode: [REQUIRED],
      prefecture: [REQUIRED],
      address: [REQUIRED],
      phone: [REQUIRED],
    };
    expect((await asA.post('/api/partner/customers', {})).json()).toEqual(validation(required));
    const blanks = Object.fromEntries(Object.keys(required).map((k) => [k, '   ']));
    expect((await asA.post('/api/partner/customers', body(blanks))).json()).toEqual(validation(required));
  });

  it('is for partner tenants only', async () => {
    const operator = await makeOperator(t.db);
    await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
    const customer = await makeCustomer(t.db, tenantA.id, '顧客側');
    await makeUser(t.db, 'customer-admin@example.jp', [{ organization: customer, role: 'admin' }]);
    for (const email of ['op@example.jp', 'customer-admin@example.jp']) {
      const c = await signedIn(t.app, email);
      expect((await c.post('/api/partner/customers', body())).statusCode).toBe(403);
      expect((await c.get('/api/partner/customers')).statusCode).toBe(403);
      expect((await c.get(`/api/partner/customers/${customer.id}`)).statusCode).toBe(403);
    }
  });
});

describe('the customer list (CU-1)', () => {
  let tenant: Tenant;
  let asT: TestClient;
  const made: Record<string, { id: string; code: string }> = {};

  beforeAll(async () => {
    tenant = await makeTenant(t.db, '一覧テスト販売');
    await makeUser(t.db, 'list@example.jp', [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
    ]);
    asT = await signedIn(t.app, 'list@example.jp');
    const seed: [string, number, string | null, 'draft' | 'active' | 'cancelled'][] = [
      ['東京精密工業株式会社', 12000, '2026-04-30', 'active'],
      ['大阪精密商事', 0, null, 'draft'],
      ['株式会社東京システム', 5000, '2026-03-31', 'cancelled'],
      ['100%テスト商会', 12000, '2026-04-30', 'active'],
      ['A_B商会', 300, '2026-01-31', 'active'],
      ['AxB商会', 300, null, 'active'],
      ['tokyo trading', 99, '2026-02-28', 'draft'],
    ];
    for (const [name, balance, lastBilledOn, status] of seed) {
      const c = await makeCustomer(t.db, tenant.id, name, {
        balance,
        last_billed_on: lastBilledOn,
        status,
      });
      made[name] = { id: c.id, code: c.code };
    }
    // Another tenant's customer with a matching name never shows.
    await makeCustomer(t.db, tenantB.id, '東京精密工業株式会社');
  });

  const names = async (query = '') => {
    const res = await asT.get(`/api/partner/customers${query}`);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    return { names: b.items.map((i: { name: string }) => i.name), total: b.total };
  };
  const all = () => Object.keys(made);
  const madeAs = (name: string) => made[name]!;

  it('lists the tenant’s customers newest code first with balance, last billing date and status', async () => {
    const res = (await asT.get('/api/partner/customers')).json();
    expect(res.total).toBe(7);
    expect(res.items.map((i: { name: string }) => i.name)).toEqual([...all()].reverse());
    expect(res.items.at(-1)).toEqual({
      id: madeAs('東京精密工業株式会社').id,
      code: madeAs('東京精密工業株式会社').code,
      name: '東京精密工業株式会社',
      balance: 12000,
      lastBilledOn: '2026-04-30',
      status: 'active',
    });
  });

  it('pages after sorting', async () => {
    expect(await names('?sort=code&order=asc&pageSize=3&page=2')).toEqual({
      names: all().slice(3, 6),
      total: 7,
    });
    expect(await names('?sort=code&order=asc&pageSize=3&page=3')).toEqual({
      names: all().slice(6),
      total: 7,
    });
    expect(await names('?pageSize=3&page=4')).toEqual({ names: [], total: 7 });
  });

  it.each([
    [
      'name',
      'asc',
      [
        '100%テスト商会',
        'A_B商会',
        'AxB商会',
        'tokyo trading',
        '大阪精密商事',
        '東京精密工業株式会社',
        '株式会社東京システム',
      ],
    ],
    [
      'balance',
      'desc',
      [
        '100%テスト商会',
        '東京精密工業株式会社',
        '株式会社東京システム',
        'AxB商会',
        'A_B商会',
        'tokyo trading',
        '大阪精密商事',
      ],
    ],
    [
      'balance',
      'asc',
      [
        '大阪精密商事',
        'tokyo trading',
        'A_B商会',
        'AxB商会',
        '株式会社東京システム',
        '東京精密工業株式会社',
        '100%テスト商会',
      ],
    ],
    [
      'lastBilledOn',
      'desc',
      [
        '100%テスト商会',
        '東京精密工業株式会社',
        '株式会社東京システム',
        'tokyo trading',
        'A_B商会',
        'AxB商会',
        '大阪精密商事',
      ],
    ],
    [
      'lastBilledOn',
      'asc',
      [
        'A_B商会',
        'tokyo trading',
        '株式会社東京システム',
        '東京精密工業株式会社',
        '100%テスト商会',
        '大阪精密商事',
        'AxB商会',
      ],
    ],
    [
      'status',
      'asc',
      [
        '大阪精密商事',
        'tokyo trading',
        '東京精密工業株式会社',
        '100%テスト商会',
        'A_B商会',
        'AxB商会',
        '株式会社東京システム',
      ],
    ],
  ])('sorts by %s %s (ties by code)', async (sort, order, expected) => {
    expect(await names(`?sort=${sort}&order=${order}`)).toEqual({ names: expected, total: 7 });
  });

  it('filters the name by part, 1, 2 or more characters, case-insensitively, with % and _ literal', async () => {
    const q = (name: string) => names(`?sort=code&order=asc&name=${encodeURIComponent(name)}`);
    expect(await q('東京')).toEqual({ names: ['東京精密工業株式会社', '株式会社東京システム'], total: 2 });
    expect(await q('精密')).toEqual({ names: ['東京精密工業株式会社', '大阪精密商事'], total: 2 });
    expect(await q('精密工業')).toEqual({ names: ['東京精密工業株式会社'], total: 1 });
    expect(await q('京精')).toEqual({ names: ['東京精密工業株式会社'], total: 1 });
    expect(await q('阪')).toEqual({ names: ['大阪精密商事'], total: 1 });
    expect(await q('TOKYO')).toEqual({ names: ['tokyo trading'], total: 1 });
    expect(await q('T')).toEqual({ names: ['tokyo trading'], total: 1 });
    expect(await q('To')).toEqual({ names: ['tokyo trading'], total: 1 });
    expect(await q('%')).toEqual({ names: ['100%テスト商会'], total: 1 });
    expect(await q('_B')).toEqual({ names: ['A_B商会'], total: 1 });
    expect(await q('精密東京')).toEqual({ names: [], total: 0 });
    expect(await q('  東京  ')).toEqual({
      names: ['東京精密工業株式会社', '株式会社東京システム'],
      total: 2,
    });
  });

  it('filters the company ID by part', async () => {
    const code = madeAs('大阪精密商事').code;
    expect(await names(`?code=${code}`)).toEqual({ names: ['大阪精密商事'], total: 1 });
    expect(await names(`?code=${code.slice(3).toLowerCase()}`)).toEqual({
      names: ['大阪精密商事'],
      total: 1,
    });
    expect((await names('?code=A')).total).toBe(7);
    expect((await names('?code=%25')).total).toBe(0);
  });

  it.each([
    ['eq', 300, ['AxB商会', 'A_B商会']],
    ['ne', 12000, ['tokyo trading', 'AxB商会', 'A_B商会', '株式会社東京システム', '大阪精密商事']],
    ['gte', 5000, ['100%テスト商会', '株式会社東京システム', '東京精密工業株式会社']],
    ['lte', 99, ['tokyo trading', '大阪精密商事']],
  ])('filters the balance: %s %i', async (op, amount, expected) => {
    expect(await names(`?balanceOp=${op}&balance=${amount}`)).toEqual({
      names: expected,
      total: expected.length,
    });
  });

  it('filters the balance by equality when only the amount is given, and ignores an operator alone', async () => {
    expect((await names('?balance=0')).names).toEqual(['大阪精密商事']);
    expect((await names('?balanceOp=gte')).total).toBe(7);
  });

  it('filters the last billing date and the status, and combines filters', async () => {
    expect(await names('?lastBilledOn=2026-04-30')).toEqual({
      names: ['100%テスト商会', '東京精密工業株式会社'],
      total: 2,
    });
    expect(await names('?status=draft')).toEqual({ names: ['tokyo trading', '大阪精密商事'], total: 2 });
    expect(await names('?status=cancelled')).toEqual({ names: ['株式会社東京システム'], total: 1 });
    expect((await names('?status=active')).total).toBe(4);
    expect((await names('?status=all')).total).toBe(7);
    expect(await names('?status=active&name=商会&balanceOp=gte&balance=300&lastBilledOn=2026-01-31')).toEqual(
      {
        names: ['A_B商会'],
        total: 1,
      },
    );
  });

  it('treats blank filters as none', async () => {
    expect((await names('?code=&name=&balanceOp=&balance=&lastBilledOn=&status=')).total).toBe(7);
  });

  it.each([
    ['sort=phone', 'sort'],
    ['order=up', 'order'],
    ['balanceOp=gt&balance=1', 'balanceOp'],
    ['balance=1e3', 'balance'],
    ['balance=１００', 'balance'],
    ['lastBilledOn=2026-02-30', 'lastBilledOn'],
    ['lastBilledOn=2026/04/30', 'lastBilledOn'],
    ['status=deleted', 'status'],
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    [`name=${'あ'.repeat(41)}`, 'name'],
    ['tenantId=1', 'tenantId'],
  ])('refuses the bad query %s, naming %s', async (query, field) => {
    const res = await asT.get(`/api/partner/customers?${encodeURI(query)}`);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
  });

  it('accepts a name filter of exactly 40 characters', async () => {
    expect((await names(`?name=${encodeURIComponent('あ'.repeat(40))}`)).total).toBe(0);
  });
});

describe('the customer list of a large tenant', () => {
  let asBig: TestClient;
  let codes: string[];

  beforeAll(async () => {
    const big = await makeTenant(t.db, '大口販売');
    await makeUser(t.db, 'big@example.jp', [
      { organization: { id: big.id, tenant_id: big.id }, role: 'member' },
    ]);
    asBig = await signedIn(t.app, 'big@example.jp');
    // 2,100 customers whose names share a term (enough to walk the code index for page 1), every
    // 700th with a rare name; another tenant's customers with the same names in between.
    for (const tenantId of [big.id, tenantB.id, big.id]) {
      await sql`
        INSERT INTO organizations (kind, code, name, tenant_id)
        SELECT 'customer', 'A' || lpad(nextval('customer_code_seq')::text, 8, '0'),
               CASE WHEN g % 700 = 0 THEN '希少名称商事' ELSE '共通商事' || g END, ${tenantId}
        FROM generate_series(1, ${tenantId === big.id ? 1050 : 30}) AS g`.execute(t.db);
    }
    await sql`
      INSERT INTO customers (id, tenant_id, contact_family_name, contact_given_name, email, postal_code,
                             prefecture, address, phone, created_at, updated_at)
      SELECT o.id, o.tenant_id, '担当', '太郎', 'c@example.jp', '733-0001', '広島県', '広島市', '0820000000',
             now(), now()
      FROM organizations o LEFT JOIN customers c ON c.id = o.id
      WHERE o.kind = 'customer' AND c.id IS NULL`.execute(t.db);
    await sql`ANALYZE organizations`.execute(t.db);
    codes = (
      await t.db
        .selectFrom('organizations')
        .select('code')
        .where('tenant_id', '=', big.id)
        .where('kind', '=', 'customer')
        .orderBy('code')
        .execute()
    ).map((r) => r.code);
  });

  const page = async (query: string) => {
    const res = await asBig.get(`/api/partner/customers?${query}`);
    expect(res.statusCode).toBe(200);
    return { codes: res.json().items.map((i: { code: string }) => i.code), total: res.json().total };
  };

  it('finds a common term on every page, in code order either way, without other tenants’ customers', async () => {
    const q = `name=${encodeURIComponent('共通')}`;
    expect(codes).toHaveLength(2100);
    const matching = (await page(`${q}&sort=name&pageSize=100&page=1`)).total;
    expect(matching).toBe(2098);
    const asc = (
      await t.db
        .selectFrom('organizations')
        .select('code')
        .where('code', 'in', codes)
        .where('name', 'like', '共通%')
        .orderBy('code')
        .execute()
    ).map((r) => r.code);
    for (const p of [1, 2, 11, 105]) {
      expect(await page(`${q}&sort=code&order=asc&page=${p}`)).toEqual({
        codes: asc.slice((p - 1) * 20, p * 20),
        total: 2098,
      });
      expect(await page(`${q}&sort=code&order=desc&page=${p}`)).toEqual({
        codes: [...asc].reverse().slice((p - 1) * 20, p * 20),
        total: 2098,
      });
    }
  });

  it('finds a rare term', async () => {
    const rare = (
      await t.db
        .selectFrom('organizations')
        .select('code')
        .where('code', 'in', codes)
        .where('name', '=', '希少名称商事')
        .orderBy('code', 'desc')
        .execute()
    ).map((r) => r.code);
    expect(rare).toHaveLength(2);
    expect(await page(`name=${encodeURIComponent('希少名称')}`)).toEqual({ codes: rare, total: 2 });
    expect(await page(`name=${encodeURIComponent('少名')}&sort=code&order=asc`)).toEqual({
      codes: [...rare].reverse(),
      total: 2,
    });
  });
});

describe('editing a customer (CU-3)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await asA.post('/api/partner/customers', body({ name: '編集前株式会社', memo2: 'メモ2' }))).json()
      .id;
  });

  it('saves a changed field and answers the detail; only the changed fields are audited', async () => {
    const res = await patch(asA, id, body({ name: '編集後株式会社', memo2: 'メモ2', phone: '0820000000' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: '編集後株式会社', memo2: 'メモ2', phone: '0820000000' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'customer.update')
      .where('target_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ fields: ['name', 'phone'] });
  });

  it('refuses a form without any change (400 no_changes), also when only the postal code’s form differs', async () => {
    const same = body({ name: '編集後株式会社', memo2: 'メモ2', phone: '0820000000' });
    for (const b of [
      same,
      { ...same, postalCode: '733-0001' },
      { ...same, memo1: '   ', name: ' 編集後株式会社 ' },
    ]) {
      const before = await asA.get(`/api/partner/customers/${id}`);
      const res = await patch(asA, id, b);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'no_changes', message: '1つ以上の項目を変更してください。' },
      });
      expect((await asA.get(`/api/partner/customers/${id}`)).json()).toEqual(before.json());
    }
  });

  it('clears an optional field sent blank or left out', async () => {
    const res = await patch(asA, id, body({ name: '編集後株式会社', phone: '0820000000' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().memo2).toBeNull();
  });

  it('refuses bad input with the fields named and changes nothing', async () => {
    const before = (await asA.get(`/api/partner/customers/${id}`)).json();
    const res = await patch(asA, id, body({ name: 'あ'.repeat(41), phone: '082-000' }));
    expect(res.json()).toEqual(validation({ name: [TOO_LONG], phone: [PHONE] }));
    expect((await asA.get(`/api/partner/customers/${id}`)).json()).toEqual(before);
  });
});

describe('another tenant’s customer', () => {
  it('is not found for reading, editing or deleting, and nothing changes', async () => {
    const { id } = (await asA.post('/api/partner/customers', body({ name: '他テナント防御' }))).json();
    const before = {
      rows: await countRows(t.db),
      detail: (await asA.get(`/api/partner/customers/${id}`)).json(),
    };
    for (const res of [
      await asB.get(`/api/partner/customers/${id}`),
      await patch(asB, id, body({ name: '乗っ取り' })),
      await del(asB, id),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await asB.get('/api/partner/customers?name=他テナント防御')).json()).toEqual({
      items: [],
      total: 0,
    });
    expect({
      rows: await countRows(t.db),
      detail: (await asA.get(`/api/partner/customers/${id}`)).json(),
    }).toEqual(before);
  });

  it('unknown and malformed ids are 404 / 400', async () => {
    expect((await asA.get('/api/partner/customers/999999999')).statusCode).toBe(404);
    expect((await asA.get('/api/partner/customers/abc')).statusCode).toBe(400);
    // The tenant itself is an organisation too, but not a customer.
    expect((await asA.get(`/api/partner/customers/${tenantA.id}`)).statusCode).toBe(404);
  });
});

describe('deleting a customer (CU-5)', () => {
  it('deletes a customer that has only a login user, and that user with it', async () => {
    const { id, code } = (await asA.post('/api/partner/customers', body({ name: '削除対象' }))).json();
    const loginUser = await makeUser(t.db, 'login-only@example.jp', [
      { organization: { id, tenant_id: tenantA.id }, role: 'admin' },
    ]);
    // The user has signed in: their history stays, without the reference.
    await signedIn(t.app, 'login-only@example.jp');
    const res = await del(asA, id);
    expect(res.statusCode).toBe(204);
    expect(
      await t.db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', loginUser.id).executeTakeFirst(),
    ).toBeUndefined();
    expect((await asA.get(`/api/partner/customers/${id}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['details', 'tenant_id'])
      .where('action', '=', 'customer.delete')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      tenant_id: tenantA.id,
      details: { code, name: '削除対象', deletedUserIds: [loginUser.id] },
    });
  });

  it('keeps a login user who still belongs to another organisation', async () => {
    const { id } = (await asA.post('/api/partner/customers', body({ name: '削除対象二' }))).json();
    const other = await makeCustomer(t.db, tenantA.id, '残る顧客');
    const user = await makeUser(t.db, 'two-orgs@example.jp', [
      { organization: { id, tenant_id: tenantA.id }, role: 'admin' },
      { organization: other, role: 'member' },
    ]);
    expect((await del(asA, id)).statusCode).toBe(204);
    const memberships = await t.db
      .selectFrom('memberships')
      .select('organization_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(memberships).toEqual([{ organization_id: other.id }]);
  });

  it.each([
    ['contracts', 'customer_has_contracts', '契約が存在するため、顧客を削除できません。'],
    ['devices', 'customer_has_devices', 'UTMが存在するため、顧客を削除できません。'],
  ] as const)('is refused while the customer has %s, and nothing changes', async (kind, code, message) => {
    const { id } = (await asA.post('/api/partner/customers', body({ name: '削除不可' }))).json();
    blockers.value = [kind];
    expect((await asA.get(`/api/partner/customers/${id}`)).json().deletionBlockers).toEqual([kind]);
    const before = await countRows(t.db);
    const res = await del(asA, id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code, message } });
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe('the postal-code lookup', () => {
  it('answers the prefecture and address for 7 digits or NNN-NNNN', async () => {
    for (const code of ['7330001', '733-0001']) {
      const res = await asA.get(`/api/postal-codes/${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ postalCode: '733-0001', prefecture: '広島県', address: '広島市西区大芝' });
    }
  });

  it('knows business codes and fills what several towns of one code share', async () => {
    expect((await asA.get('/api/postal-codes/1008132')).json()).toEqual({
      postalCode: '100-8132',
      prefecture: '東京都',
      address: '千代田区大手町１丁目１番１号大手町パークビルディング',
    });
    expect((await asA.get('/api/postal-codes/004-0000')).json()).toEqual({
      postalCode: '004-0000',
      prefecture: '北海道',
      address: '札幌市',
    });
  });

  it('is 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await asA.get('/api/postal-codes/9999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: { code: 'postal_code_not_found', message: '該当する住所が見つかりません。' },
    });
    for (const bad of ['733-00011', '73300', encodeURIComponent('７３３００01'), '733_0001']) {
      const res = await asA.get(`/api/postal-codes/${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(validation({ postalCode: [POSTAL] }));
    }
  });
});
