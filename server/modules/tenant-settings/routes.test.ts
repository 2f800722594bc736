import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn, validationError as validation } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const REQUIRED = '入力してください。';
const INVALID = '入力内容が正しくありません。';
const TOO_LONG = '入力できる文字数を超えています。';
const UNKNOWN = 'この項目は受け付けられません。';
const REFERRER =
  'https://www.example.co.jp/ のように、スキームとホスト名のみを入力してください（ディレクトリ名やクエリは付けられません）。';
const WEB_URL = 'http:// または https:// で始まるURLを入力してください。';
const DAYS = '0以上99以下の整数を入力してください。';
const notFound = { error: { code: 'not_found', message: '対象が見つかりません。' } };
const forbidden = { error: { code: 'forbidden', message: 'この操作を行う権限がありません。' } };

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let adminA: TestClient;
let memberA: TestClient;
let adminB: TestClient;
let operator: TestClient;
let agent: TestClient;
let operatorOrgId: string;

const link = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `リンク${n}`,
  url: `https://www.example.co.jp/news/${n}?ref=portal`,
  description: `説明${n}`,
  publishedOn: '2026-04-01',
  ...extra,
});
const settings = (extra: Record<string, unknown> = {}) => ({
  utmApplicationEnabled: true,
  contractCheckExemptDays: 30,
  referrerUrls: ['https://www.example.co.jp/', 'http://shop.example.com:8080'],
  links: [link(1), link(2)],
  ...extra,
});
const field = (extra: Record<string, unknown> = {}) => ({
  name: '紹介コード',
  required: false,
  type: 'text',
  options: [],
  ...extra,
});

/** Rows of this module's tables, with the shared counts: "nothing written" checks them all. */
async function rows() {
  const count = async (
    table: 'tenant_settings' | 'tenant_referrer_urls' | 'tenant_links' | 'tenant_application_fields',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    ...(await countRows(t.db)),
    settings: await count('tenant_settings'),
    referrers: await count('tenant_referrer_urls'),
    links: await count('tenant_links'),
    fields: await count('tenant_application_fields'),
  };
}

/** Sends `body` and expects a 400 with exactly these field messages, nothing written. */
async function refused(client: TestClient, url: string, body: unknown, fields: Record<string, string[]>) {
  const before = await rows();
  const res = await client.put(url, body);
  expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 400, body: validation(fields) });
  expect(await rows()).toEqual(before);
}

beforeAll(async () => {
  t = await startTestApp();
  const op = await makeOperator(t.db);
  operatorOrgId = op.id;
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  await makeUser(t.db, 'admin-a@example.jp', [{ organization: tenantA, role: 'admin' }]);
  await makeUser(t.db, 'member-a@example.jp', [{ organization: tenantA, role: 'member' }]);
  await makeUser(t.db, 'admin-b@example.jp', [{ organization: tenantB, role: 'admin' }]);
  await makeUser(t.db, 'op@example.jp', [{ organization: op, role: 'operator_admin' }]);
  await makeUser(t.db, 'agent@example.jp', [{ organization: op, role: 'support_agent' }]);
  adminA = await signedIn(t.app, 'admin-a@example.jp');
  memberA = await signedIn(t.app, 'member-a@example.jp');
  adminB = await signedIn(t.app, 'admin-b@example.jp');
  operator = await signedIn(t.app, 'op@example.jp');
  agent = await signedIn(t.app, 'agent@example.jp');
});
afterAll(() => t.close());

describe('GET /api/partner/tenant-settings', () => {
  it('a tenant without a settings row gets the defaults (20 days, UTM add applications off, empty lists)', async () => {
    const res = await adminB.get('/api/partner/tenant-settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      utmApplicationEnabled: false,
      contractCheckExemptDays: 20,
      referrerUrls: [],
      links: [],
      applicationFields: [],
    });
  });
});

describe('PUT /api/partner/tenant-settings', () => {
  beforeEach(async () => {
    await t.db.deleteFrom('tenant_settings').execute();
    await t.db.deleteFrom('tenant_referrer_urls').execute();
    await t.db.deleteFrom('tenant_links').execute();
  });

  it('saves every field; referrer URLs are kept as scheme + host + /; members read the result; audited', async () => {
    const res = await adminA.put('/api/partner/tenant-settings', settings());
    expect(res.statusCode).toBe(200);
    const expected = {
      utmApplicationEnabled: true,
      contractCheckExemptDays: 30,
      referrerUrls: ['https://www.example.co.jp/', 'http://shop.example.com:8080/'],
      links: [link(1), link(2)],
      applicationFields: [],
    };
    expect(res.json()).toEqual(expected);
    expect((await memberA.get('/api/partner/tenant-settings')).json()).toEqual(expected);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'tenant_id', 'details'])
      .where('action', '=', 'tenant_settings.update')
      .execute();
    expect(audit).toEqual([
      {
        action: 'tenant_settings.update',
        tenant_id: tenantA.id,
        details: { utmApplicationEnabled: true, contractCheckExemptDays: 30, referrerUrls: 2, links: 2 },
      },
    ]);
    // Tenant B is untouched.
    expect((await adminB.get('/api/partner/tenant-settings')).json().referrerUrls).toEqual([]);
  });

  it('replaces the lists as a whole, in the order sent; empty lists clear them', async () => {
    await adminA.put('/api/partner/tenant-settings', settings());
    const second = await adminA.put(
      '/api/partner/tenant-settings',
      settings({ referrerUrls: ['https://b.example.jp/', 'https://a.example.jp'], links: [link(3)] }),
    );
    expect(second.json().referrerUrls).toEqual(['https://b.example.jp/', 'https://a.example.jp/']);
    expect(second.json().links).toEqual([link(3)]);
    const cleared = await adminA.put(
      '/api/partner/tenant-settings',
      settings({ referrerUrls: [], links: [] }),
    );
    expect(cleared.json()).toMatchObject({ referrerUrls: [], links: [] });
    expect((await rows()).referrers).toBe(0);
  });

  it('exemption days: 0 and 99 are accepted; -1, 100, 1.5 and a string are refused on the field', async () => {
    for (const days of [0, 99]) {
      const res = await adminA.put(
        '/api/partner/tenant-settings',
        settings({ contractCheckExemptDays: days }),
      );
      expect(res.json().contractCheckExemptDays).toBe(days);
    }
    for (const days of [-1, 100, 1.5])
      await refused(adminA, '/api/partner/tenant-settings', settings({ contractCheckExemptDays: days }), {
        contractCheckExemptDays: [DAYS],
      });
    await refused(adminA, '/api/partner/tenant-settings', settings({ contractCheckExemptDays: '20' }), {
      contractCheckExemptDays: [INVALID],
    });
  });

  it.each([
    ['a path', 'https://www.example.co.jp/shop/'],
    ['a file', 'https://www.example.co.jp/index.html'],
    ['a query', 'https://www.example.co.jp/?a=1'],
    ['a fragment', 'https://www.example.co.jp/#top'],
    ['another scheme', 'ftp://www.example.co.jp/'],
    ['javascript:', 'javascript:alert(1)//'],
    ['no scheme', 'www.example.co.jp'],
    ['user info', 'https://user:pw@www.example.co.jp/'],
    ['a space', 'https://www.exa mple.co.jp/'],
    ['a script tag', '<script>alert(1)</script>'],
  ])('a referrer URL with %s is refused on its field', async (_case, url) => {
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({ referrerUrls: ['https://ok.example.jp/', url] }),
      { 'referrerUrls.1': [REFERRER] },
    );
  });

  it('referrer URLs: 20 are accepted, 21 refused; duplicates and empty ones named; 255 characters at most', async () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://site${i}.example.jp/`);
    expect(
      (await adminA.put('/api/partner/tenant-settings', settings({ referrerUrls: urls(20) }))).statusCode,
    ).toBe(200);
    await refused(adminA, '/api/partner/tenant-settings', settings({ referrerUrls: urls(21) }), {
      referrerUrls: ['アクセス許可URLは20件まで登録できます。'],
    });
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({ referrerUrls: ['https://a.example.jp/', 'https://A.example.jp'] }),
      { 'referrerUrls.1': ['同じURLが既に登録されています。'] },
    );
    await refused(adminA, '/api/partner/tenant-settings', settings({ referrerUrls: ['  '] }), {
      'referrerUrls.0': [REQUIRED],
    });
    // 255 characters: `https://` + host + `/`.
    const host = (n: number) => `${'a'.repeat(n - 'https://.jp/'.length)}.jp`;
    const at = `https://${host(255)}/`;
    expect(at).toHaveLength(255);
    // A DNS label is at most 63 characters, but the rule here is the length: WHATWG URL accepts it.
    expect(
      (await adminA.put('/api/partner/tenant-settings', settings({ referrerUrls: [at] }))).statusCode,
    ).toBe(200);
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({ referrerUrls: [`https://${host(256)}/`] }),
      {
        'referrerUrls.0': [TOO_LONG],
      },
    );
  });

  it('links: every field required; name 100, URL 255, description 255 at the limit, one more refused', async () => {
    await refused(adminA, '/api/partner/tenant-settings', settings({ links: [{}] }), {
      'links.0.name': [REQUIRED],
      'links.0.url': [REQUIRED],
      'links.0.description': [REQUIRED],
      'links.0.publishedOn': [REQUIRED],
    });
    const longUrl = (n: number) => `https://example.jp/${'p'.repeat(n - 'https://example.jp/'.length)}`;
    const atLimit = link(1, { name: 'あ'.repeat(100), url: longUrl(255), description: 'い'.repeat(255) });
    const ok = await adminA.put('/api/partner/tenant-settings', settings({ links: [atLimit] }));
    expect(ok.json().links).toEqual([atLimit]);
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({
        links: [link(1, { name: 'あ'.repeat(101), url: longUrl(256), description: 'い'.repeat(256) })],
      }),
      { 'links.0.name': [TOO_LONG], 'links.0.url': [TOO_LONG], 'links.0.description': [TOO_LONG] },
    );
  });

  it('links: only http(s) URLs, real dates as YYYY-MM-DD, at most 20; a script tag in a name is stored as text', async () => {
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({
        links: [
          link(1, { url: 'javascript:alert(1)' }),
          link(2, { url: 'example.jp/page' }),
          link(3, { publishedOn: '2026-02-30' }),
          link(4, { publishedOn: '2026/04/01' }),
        ],
      }),
      {
        'links.0.url': [WEB_URL],
        'links.1.url': [WEB_URL],
        'links.2.publishedOn': ['日付をYYYY-MM-DDの形式で入力してください。'],
        'links.3.publishedOn': ['日付をYYYY-MM-DDの形式で入力してください。'],
      },
    );
    const twenty = Array.from({ length: 20 }, (_, i) => link(i));
    expect(
      (await adminA.put('/api/partner/tenant-settings', settings({ links: twenty }))).json().links,
    ).toHaveLength(20);
    await refused(adminA, '/api/partner/tenant-settings', settings({ links: [...twenty, link(20)] }), {
      links: ['リンクは20件まで登録できます。'],
    });
    const script = link(1, { name: '<script>alert(1)</script>' });
    expect(
      (await adminA.put('/api/partner/tenant-settings', settings({ links: [script] }))).json().links,
    ).toEqual([script]);
  });

  it('an empty body names every field; unknown fields and wrong types are named; nothing written', async () => {
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      {},
      {
        utmApplicationEnabled: [REQUIRED],
        contractCheckExemptDays: [REQUIRED],
        referrerUrls: [REQUIRED],
        links: [REQUIRED],
      },
    );
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      { ...settings(), applicationFields: [] },
      {
        applicationFields: [UNKNOWN],
      },
    );
    await refused(
      adminA,
      '/api/partner/tenant-settings',
      settings({ utmApplicationEnabled: 'true', links: {} }),
      {
        utmApplicationEnabled: [INVALID],
        links: [INVALID],
      },
    );
    await refused(adminA, '/api/partner/tenant-settings', settings({ links: [{ ...link(1), id: '1' }] }), {
      'links.0.id': [UNKNOWN],
    });
  });

  it('a member of the tenant may read but not save (403, nothing written)', async () => {
    const before = await rows();
    const res = await memberA.put('/api/partner/tenant-settings', settings());
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 403, body: forbidden });
    expect(await rows()).toEqual(before);
  });

  it('the operator cannot use the partner routes', async () => {
    expect((await operator.get('/api/partner/tenant-settings')).statusCode).toBe(403);
    expect((await operator.put('/api/partner/tenant-settings', settings())).statusCode).toBe(403);
  });
});

describe('operator: additional application fields and support page (OP-1)', () => {
  const fieldsUrl = () => `/api/operator/tenants/${tenantA.id}/application-fields`;
  const supportUrl = () => `/api/operator/tenants/${tenantA.id}/support-page`;

  it('the operator admin defines the fields; the partner sees them read-only in its settings', async () => {
    const fields = [
      field(),
      field({ name: '希望連絡時間帯', required: true, type: 'select', options: ['午前', '午後', '夜間'] }),
    ];
    const res = await operator.put(fieldsUrl(), { fields });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ applicationFields: fields, manualsUrl: null, contactEmail: null });
    expect((await memberA.get('/api/partner/tenant-settings')).json().applicationFields).toEqual(fields);
    // A partner save leaves them alone.
    await adminA.put('/api/partner/tenant-settings', settings());
    expect((await adminA.get('/api/partner/tenant-settings')).json().applicationFields).toEqual(fields);
    expect((await adminB.get('/api/partner/tenant-settings')).json().applicationFields).toEqual([]);
    expect(
      (await agent.get(`/api/operator/tenants/${tenantA.id}/settings`)).json().applicationFields,
    ).toEqual(fields);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['tenant_id', 'details'])
      .where('action', '=', 'tenant.application_fields.update')
      .execute();
    expect(audit).toEqual([{ tenant_id: tenantA.id, details: { fields: ['紹介コード', '希望連絡時間帯'] } }]);
  });

  it('field limits: name 40, 20 fields, 20 options of 40; select needs options, text has none', async () => {
    const atLimit = Array.from({ length: 20 }, (_, i) =>
      field({
        name: `${i}`.padEnd(40, 'あ'),
        type: 'select',
        options: Array.from({ length: 20 }, (_, j) => `${j}`.padEnd(40, 'い')),
      }),
    );
    expect((await operator.put(fieldsUrl(), { fields: atLimit })).json().applicationFields).toEqual(atLimit);
    await refused(
      operator,
      fieldsUrl(),
      { fields: [...atLimit, field({ name: '21' })] },
      {
        fields: ['追加項目は20件まで登録できます。'],
      },
    );
    await refused(
      operator,
      fieldsUrl(),
      {
        fields: [
          field({ name: 'あ'.repeat(41) }),
          field({ name: '選択', type: 'select', options: [...atLimit[0]!.options, '21'] }),
          field({ name: '長い', type: 'select', options: ['う'.repeat(41)] }),
        ],
      },
      {
        'fields.0.name': [TOO_LONG],
        'fields.1.options': ['選択項目は20件まで登録できます。'],
        'fields.2.options.0': [TOO_LONG],
      },
    );
    await refused(
      operator,
      fieldsUrl(),
      {
        fields: [
          field({ name: '選択', type: 'select', options: [] }),
          field({ name: '文字', type: 'text', options: ['a'] }),
          field({ name: '重複', type: 'select', options: ['a', 'A'] }),
          field({ name: '選択' }),
          field({ name: '型', type: 'number' }),
        ],
      },
      {
        'fields.0.options': ['形式が「選択」の項目には選択項目を1件以上入力してください。'],
        'fields.1.options': ['形式が「テキスト」の項目には選択項目を指定できません。'],
        'fields.2.options.1': ['同じ選択項目が既に登録されています。'],
        'fields.4.type': [INVALID],
      },
    );
    await refused(
      operator,
      fieldsUrl(),
      { fields: [field({ name: '同名' }), field({ name: '同名' })] },
      {
        'fields.1.name': ['同じ項目名が既に登録されています。'],
      },
    );
    await refused(operator, fieldsUrl(), {}, { fields: [REQUIRED] });
    await refused(
      operator,
      fieldsUrl(),
      { fields: [{}] },
      {
        'fields.0.name': [REQUIRED],
        'fields.0.required': [REQUIRED],
        'fields.0.type': [INVALID],
        'fields.0.options': [REQUIRED],
      },
    );
    expect((await operator.put(fieldsUrl(), { fields: [] })).json().applicationFields).toEqual([]);
  });

  it('the support page: set by the operator admin, shown to the partner; empty strings clear it', async () => {
    const body = { manualsUrl: 'https://manuals.example.jp/partner/', contactEmail: 'support@example.jp' };
    const res = await operator.put(supportUrl(), body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject(body);
    expect((await memberA.get('/api/partner/support')).json()).toEqual(body);
    expect((await adminB.get('/api/partner/support')).json()).toEqual({
      manualsUrl: null,
      contactEmail: null,
    });
    expect((await operator.put(supportUrl(), { manualsUrl: '', contactEmail: '' })).json()).toMatchObject({
      manualsUrl: null,
      contactEmail: null,
    });
    expect((await memberA.get('/api/partner/support')).json()).toEqual({
      manualsUrl: null,
      contactEmail: null,
    });
  });

  it('support page limits: URL and address of 255 accepted, 256 refused; bad URL or address named', async () => {
    const url = (n: number) => `https://example.jp/${'m'.repeat(n - 'https://example.jp/'.length)}`;
    const mail = (n: number) => `${'a'.repeat(n - '@example.jp'.length)}@example.jp`;
    expect(
      (await operator.put(supportUrl(), { manualsUrl: url(255), contactEmail: mail(255) })).statusCode,
    ).toBe(200);
    await refused(
      operator,
      supportUrl(),
      { manualsUrl: url(256), contactEmail: mail(256) },
      {
        manualsUrl: [TOO_LONG],
        contactEmail: [TOO_LONG],
      },
    );
    await refused(
      operator,
      supportUrl(),
      { manualsUrl: 'javascript:alert(1)', contactEmail: 'not-an-address' },
      {
        manualsUrl: [WEB_URL],
        contactEmail: ['メールアドレスの形式が正しくありません。'],
      },
    );
    await refused(operator, supportUrl(), {}, { manualsUrl: [REQUIRED], contactEmail: [REQUIRED] });
  });

  it('only the operator admin writes; support agents read; partners get 403; unknown tenants 404', async () => {
    const before = await rows();
    for (const [client, status] of [
      [agent, 403],
      [adminA, 403],
    ] as const) {
      expect((await client.put(fieldsUrl(), { fields: [field()] })).statusCode).toBe(status);
      expect((await client.put(supportUrl(), { manualsUrl: '', contactEmail: '' })).statusCode).toBe(status);
    }
    expect((await adminA.get(`/api/operator/tenants/${tenantA.id}/settings`)).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
    // An unknown id, or the operator's own organisation, is not a tenant.
    for (const id of ['999999999', operatorOrgId]) {
      for (const res of [
        await operator.get(`/api/operator/tenants/${id}/settings`),
        await operator.put(`/api/operator/tenants/${id}/application-fields`, { fields: [field()] }),
        await operator.put(`/api/operator/tenants/${id}/support-page`, { manualsUrl: '', contactEmail: '' }),
      ])
        expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: notFound });
    }
    expect(await rows()).toEqual(before);
  });
});
