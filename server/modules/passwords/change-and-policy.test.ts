import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardPolicy } from '../../../common/password-policy.js';
import { fixedClock } from '../../platform/clock.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { countRows, defaultPolicyBody, signedIn, validationError as validation } from '../../test/helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** Password change (ID-11), the caller's rules, and the per-organisation policy edited by the operator (ID-3). */

const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const standard = standardPolicy;
const defaults = defaultPolicyBody;

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function member(org = tenant) {
  const email = `change-${++n}@example.jp`;
  const user = await makeUser(t.db, email, [
    { organization: { id: org.id, tenant_id: org.id }, role: 'member' },
  ]);
  return { ...user, email };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  const operator = await makeOperator(t.db);
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  await makeUser(t.db, 'agent@example.jp', [{ organization: operator, role: 'support_agent' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('changing one’s password', () => {
  it('keeps this session, ends the others, clears a forced change, audits and mails a notice', async () => {
    const u = await member();
    const here = await signedIn(t.app, u.email);
    const elsewhere = await signedIn(t.app, u.email);
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', u.id).execute();
    expect((await here.get('/api/session')).json().pendingActions).toEqual(['changePassword']);
    expect((await here.get('/api/me/sessions')).statusCode).toBe(403);

    const res = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect([res.statusCode, res.json()]).toEqual([200, { ok: true }]);
    const session = (await here.get('/api/session')).json();
    expect(session.user.email).toBe(u.email);
    expect(session.pendingActions).toEqual([]);
    expect((await elsewhere.get('/api/session')).json()).toEqual({ user: null });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', u.id)
      .execute();
    expect(audit).toEqual([{ action: 'user.password_change' }]);
    const mail = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', u.email).execute();
    expect(mail.map((m) => m.template)).toEqual(['password-changed']);
    await signedIn(t.app, u.email, NEW_PASSWORD);
  });

  it('a wrong current password and a weak new one are both named; nothing changes', async () => {
    const u = await member();
    const c = await signedIn(t.app, u.email);
    const before = await countRows(t.db);
    const res = await c.post('/api/me/password', {
      currentPassword: 'not-my-password',
      password: 'short',
      passwordConfirm: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(
      validation({
        currentPassword: ['現在のパスワードが正しくありません。'],
        password: [
          'パスワードの条件を満たしていません。',
          '12文字以上128文字以下',
          '英大文字を含む',
          '数字を含む',
          '記号を含む',
          'よく使われるパスワードではない',
        ],
      }),
    );
    const same = await c.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
    });
    expect(same.json()).toEqual(
      validation({
        password: ['パスワードの条件を満たしていません。', '過去4回までに使用したパスワードではない'],
      }),
    );
    const mismatch = await c.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirm: 'Blue-Kite-Sings-78',
    });
    expect(mismatch.json()).toEqual(validation({ passwordConfirm: ['パスワードが一致しません。'] }));
    expect(await countRows(t.db)).toEqual(before);
    expect((await c.get('/api/session')).json().user.email).toBe(u.email);
  });

  it('none of the last four: the fifth-oldest may come back', async () => {
    const u = await member();
    const c = await signedIn(t.app, u.email);
    const pw = (i: number) => `Blue-Kite-Sings-${i}0`;
    let current = TEST_PASSWORD;
    for (let i = 1; i <= 4; i++) {
      const res = await c.post('/api/me/password', {
        currentPassword: current,
        password: pw(i),
        passwordConfirm: pw(i),
      });
      expect(res.statusCode).toBe(200);
      current = pw(i);
    }
    const reuse = await c.post('/api/me/password', {
      currentPassword: current,
      password: pw(1),
      passwordConfirm: pw(1),
    });
    expect(reuse.statusCode).toBe(400);
    const five = pw(5);
    expect(
      (await c.post('/api/me/password', { currentPassword: current, password: five, passwordConfirm: five }))
        .statusCode,
    ).toBe(200);
    const back = await c.post('/api/me/password', {
      currentPassword: five,
      password: pw(1),
      passwordConfirm: pw(1),
    });
    expect(back.statusCode).toBe(200);
  });

  it('guessing the current password is rate limited per user', async () => {
    const u = await member();
    const c = await signedIn(t.app, u.email);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await c.post('/api/me/password', {
        currentPassword: `guess-${i}`,
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([...Array(10).fill(400), 429]);
    // Another user from the same address is not held back.
    const other = await signedIn(t.app, (await member()).email);
    expect(
      (
        await other.post('/api/me/password', {
          currentPassword: 'x',
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('signed out is a 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/password-policy' });
    expect(res.statusCode).toBe(401);
  });
});

describe('the password policy', () => {
  it('the operator admin reads the default, stores a policy with an audit event, and members see it', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const url = `/api/operator/organizations/${tenant.id}/password-policy`;
    expect((await op.get(url)).json()).toEqual(defaults);
    const nist = {
      profile: 'nist',
      minLength: 15,
      requireLower: false,
      requireUpper: false,
      requireDigit: false,
      requireSymbol: false,
      historyCount: 0,
      lockoutThreshold: 5,
      lockoutMinutes: 30,
    };
    const put = await op.put(url, nist);
    expect([put.statusCode, put.json()]).toEqual([200, nist]);
    expect((await op.get(url)).json()).toEqual(nist);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'password_policy.update')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      organization_id: tenant.id,
      target_id: tenant.id,
      details: { before: defaults, after: nist },
    });

    const u = await member();
    const c = await signedIn(t.app, u.email);
    const mine = await c.get('/api/me/password-policy');
    expect(mine.json()).toEqual({
      passwordPolicy: {
        profile: 'nist',
        minLength: 15,
        requireLower: false,
        requireUpper: false,
        requireDigit: false,
        requireSymbol: false,
        historyCount: 0,
      },
      hasMfa: false,
    });
    // Under NIST, a long passphrase without composition is fine.
    const long = 'correct horse battery staple';
    expect(
      (
        await c.post('/api/me/password', {
          currentPassword: TEST_PASSWORD,
          password: long,
          passwordConfirm: long,
        })
      ).statusCode,
    ).toBe(200);
    await op.put(url, defaults);
  });

  it('a user of several organisations gets the strictest of each rule', async () => {
    const other = await makeTenant(t.db, 'かわせみ商事');
    const op = await signedIn(t.app, 'op@example.jp');
    await op.put(`/api/operator/organizations/${other.id}/password-policy`, {
      ...defaults,
      minLength: 20,
      historyCount: 2,
    });
    const email = `multi-${++n}@example.jp`;
    await makeUser(t.db, email, [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
      { organization: { id: other.id, tenant_id: other.id }, role: 'member' },
    ]);
    const c = await signedIn(t.app, email);
    expect((await c.get('/api/me/password-policy')).json().passwordPolicy).toEqual({
      ...standard,
      minLength: 20,
    });
  });

  it('works for a customer organisation and the operator organisation too', async () => {
    const customer = await makeCustomer(t.db, tenant.id);
    const op = await signedIn(t.app, 'op@example.jp');
    const operatorOrg = (await op.get('/api/session')).json().current.organizationId;
    for (const id of [customer.id, operatorOrg]) {
      const res = await op.put(`/api/operator/organizations/${id}/password-policy`, {
        ...defaults,
        minLength: 14,
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('bad values are refused on their fields; nothing is stored', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const url = `/api/operator/organizations/${tenant.id}/password-policy`;
    const before = await countRows(t.db);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ minLength: 7 }, { minLength: ['8以上64以下の数値を入力してください。'] }],
      [{ minLength: 11 }, { minLength: ['標準プロファイルでは12文字以上を指定してください。'] }],
      [{ minLength: 12.5 }, { minLength: ['入力内容が正しくありません。'] }],
      [{ lockoutMinutes: 61 }, { lockoutMinutes: ['1以上60以下の数値を入力してください。'] }],
      [{ lockoutMinutes: 0 }, { lockoutMinutes: ['1以上60以下の数値を入力してください。'] }],
      [{ lockoutThreshold: 2 }, { lockoutThreshold: ['3以上20以下の数値を入力してください。'] }],
      [{ historyCount: -1 }, { historyCount: ['0以上24以下の数値を入力してください。'] }],
      [{ profile: 'weak' }, { profile: ['入力内容が正しくありません。'] }],
      [{ requireLower: 'yes' }, { requireLower: ['入力内容が正しくありません。'] }],
    ];
    for (const [change, fields] of cases) {
      const res = await op.put(url, { ...defaults, ...change });
      expect({ change, status: res.statusCode, body: res.json() }).toEqual({
        change,
        status: 400,
        body: validation(fields),
      });
    }
    expect(await countRows(t.db)).toEqual(before);
    expect((await op.get(url)).json()).toEqual(defaults);
  });

  it('an organisation that does not exist is a 404; a support agent or a partner admin is refused', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const missing = await op.get('/api/operator/organizations/999999/password-policy');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
    expect((await op.put('/api/operator/organizations/999999/password-policy', defaults)).statusCode).toBe(
      404,
    );
    const agent = await signedIn(t.app, 'agent@example.jp');
    expect((await agent.get(`/api/operator/organizations/${tenant.id}/password-policy`)).statusCode).toBe(
      403,
    );
    const partnerAdmin = await makeUser(t.db, `padmin-${++n}@example.jp`, [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
    ]);
    const pa = await signedIn(t.app, partnerAdmin.email);
    expect(
      (await pa.put(`/api/operator/organizations/${tenant.id}/password-policy`, defaults)).statusCode,
    ).toBe(403);
  });
});
