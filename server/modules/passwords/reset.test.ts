import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardPolicy } from '../../../common/password-policy.js';
import { fixedClock } from '../../platform/clock.js';
import { verifyPassword } from '../../platform/passwords.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { countRows, signedIn, validationError as validation } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { RESET_RESPONSE_FLOOR_MS } from './request-password-reset.js';

/** Password reset by mail link (ID-10): same answer for any address, one hour, single use, policy, sessions end. */

const MINUTE = 60_000;
const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const accepted = { ok: true };

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function member(prefix: string, extra: { locale?: 'ja' | 'en' } = {}) {
  const email = `${prefix}-${++n}@example.jp`;
  const user = await makeUser(
    t.db,
    email,
    [{ organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' }],
    {
      name: '再設定 花子',
      ...extra,
    },
  );
  return { ...user, email };
}

const outboxTo = (to: string) =>
  t.db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id').execute();

/** Asks for a reset as the login page does and returns the link token from the mail. */
async function requestReset(email: string): Promise<string> {
  const res = await new TestClient(t.app).post('/api/auth/password-reset', { email });
  expect([res.statusCode, res.json()]).toEqual([202, accepted]);
  const mails = await outboxTo(email);
  const match = /\/password-reset\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.body);
  return match![1]!;
}

const resetRow = (userId: string) =>
  t.db
    .selectFrom('password_resets')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  await makeOperator(t.db);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('asking for a reset', () => {
  it('answers 202 with the same body for a known, unknown and disabled address, never faster than the floor', async () => {
    const known = await member('known');
    await makeUser(t.db, 'disabled-reset@example.jp', [], { status: 'disabled' });
    const answers = [];
    for (const email of [
      known.email,
      'nobody@example.jp',
      'disabled-reset@example.jp',
      known.email.toUpperCase(),
    ]) {
      const started = performance.now();
      const res = await new TestClient(t.app).post('/api/auth/password-reset', { email });
      answers.push({ status: res.statusCode, body: res.json(), cookies: res.cookies.map((c) => c.name) });
      expect(performance.now() - started).toBeGreaterThanOrEqual(RESET_RESPONSE_FLOOR_MS - 5);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 202, body: accepted });
    // Only the known, active address got mail: two requests, two links.
    expect((await outboxTo(known.email)).map((m) => m.template)).toEqual([
      'password-reset',
      'password-reset',
    ]);
    expect(await outboxTo('nobody@example.jp')).toEqual([]);
    expect(await outboxTo('disabled-reset@example.jp')).toEqual([]);
  });

  it('mails a one-hour link in the user’s language and stores only the token’s hash', async () => {
    const u = await member('mail', { locale: 'en' });
    const token = await requestReset(u.email);
    const [mail] = await outboxTo(u.email);
    expect(mail).toMatchObject({
      template: 'password-reset',
      locale: 'en',
      subject: '[Madoguchi] Resetting your password',
    });
    expect(mail!.body).toContain(`http://portal.test/password-reset/${token}`);
    const row = await resetRow(u.id);
    expect(row.token_hash).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expires_at).toEqual(new Date(clock.now().getTime() + 60 * MINUTE));
    expect(row.used_at).toBeNull();
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', u.id)
      .execute();
    expect(audit).toEqual([{ action: 'user.password_reset_request' }]);
  });

  it('an invitee who has no password yet gets a fresh invitation link instead, the old one cancelled', async () => {
    const op = await signedIn(
      t.app,
      (
        await makeUser(t.db, `op-${++n}@example.jp`, [
          { organization: await makeOperator(t.db), role: 'operator_admin' },
        ])
      ).email,
    );
    const invited = await op.post(`/api/operator/tenants/${tenant.id}/invitations`, {
      email: 'pending-reset@example.jp',
    });
    expect(invited.statusCode).toBe(201);
    const before = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'pending-reset@example.jp')
      .execute();
    expect(before).toHaveLength(1);
    clock.advance(8 * 24 * 60 * MINUTE); // the first link has expired
    const res = await new TestClient(t.app).post('/api/auth/password-reset', {
      email: 'pending-reset@example.jp',
    });
    expect([res.statusCode, res.json()]).toEqual([202, accepted]);
    const after = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'pending-reset@example.jp')
      .orderBy('id')
      .execute();
    expect(after).toHaveLength(2);
    expect(after[0]!.cancelled_at).toEqual(clock.now());
    expect(after[1]).toMatchObject({
      cancelled_at: null,
      accepted_at: null,
      expires_at: new Date(clock.now().getTime() + 7 * 24 * 60 * MINUTE),
    });
    const templates = (await outboxTo('pending-reset@example.jp')).map((m) => m.template);
    expect(templates).toHaveLength(2);
    expect(templates).not.toContain('password-reset');
  });

  it('bad input is refused on the field, in the user’s language, and writes nothing', async () => {
    const c = new TestClient(t.app);
    const before = await countRows(t.db);
    const bad = await c.post('/api/auth/password-reset', { email: 'not-an-address' });
    expect([bad.statusCode, bad.json()]).toEqual([
      400,
      validation({ email: ['メールアドレスの形式が正しくありません。'] }),
    ]);
    const en = await c.request('POST', '/api/auth/password-reset', {}, { 'accept-language': 'en' });
    expect(en.json().error.fields).toEqual({ email: ['This field is required.'] });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('is rate limited per address', async () => {
    const limited = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const c = new TestClient(limited.app);
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await c.post('/api/auth/password-reset', { email: 'a@example.jp' })).statusCode);
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('opening the link', () => {
  it('shows the address, expiry and rules, and does not use up the link', async () => {
    const u = await member('show');
    const token = await requestReset(u.email);
    for (let i = 0; i < 2; i++) {
      const res = await new TestClient(t.app).get(`/api/password-resets/${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        email: u.email,
        expiresAt: new Date(clock.now().getTime() + 60 * MINUTE).toISOString(),
        passwordPolicy: standardPolicy,
      });
    }
    expect((await resetRow(u.id)).used_at).toBeNull();
  });

  it('unknown/tampered → 404, expired → 410, used → 409, each with its message', async () => {
    const u = await member('states');
    const token = await requestReset(u.email);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const c = new TestClient(t.app);
    for (const res of [
      await c.get(`/api/password-resets/${tampered}`),
      await c.post(`/api/password-resets/${tampered}`, {
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      }),
    ])
      expect([res.statusCode, res.json()]).toEqual([
        404,
        { error: { code: 'reset_not_found', message: 'このURLは無効です。' } },
      ]);

    clock.advance(60 * MINUTE);
    const expired = {
      error: {
        code: 'reset_expired',
        message: 'このURLは有効期限切れです。もう一度パスワードの再設定を行ってください。',
      },
    };
    expect([
      (await c.get(`/api/password-resets/${token}`)).statusCode,
      (await c.get(`/api/password-resets/${token}`)).json(),
    ]).toEqual([410, expired]);
    const late = await c.post(`/api/password-resets/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect([late.statusCode, late.json()]).toEqual([410, expired]);

    const fresh = await requestReset(u.email);
    expect(
      (
        await c.post(`/api/password-resets/${fresh}`, {
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
    const again = await c.post(`/api/password-resets/${fresh}`, {
      password: 'Other-Kite-Sings-78',
      passwordConfirm: 'Other-Kite-Sings-78',
    });
    expect([again.statusCode, again.json()]).toEqual([
      409,
      { error: { code: 'reset_used', message: 'このURLは既に使用されています。' } },
    ]);
    expect((await c.get(`/api/password-resets/${fresh}`)).statusCode).toBe(409);
  });

  it('a malformed token is refused as bad input', async () => {
    const c = new TestClient(t.app);
    for (const res of [
      await c.get('/api/password-resets/abc'),
      await c.post('/api/password-resets/abc', { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ])
      expect([res.statusCode, res.json()]).toEqual([
        400,
        validation({ token: ['入力内容が正しくありません。'] }),
      ]);
  });
});

describe('setting the new password', () => {
  it('stores it, ends every session, marks every open link used, audits and mails a notice', async () => {
    const u = await member('done');
    const browserA = await signedIn(t.app, u.email);
    const browserB = await signedIn(t.app, u.email);
    const older = await requestReset(u.email);
    const token = await requestReset(u.email);
    const res = await new TestClient(t.app).post(`/api/password-resets/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect([res.statusCode, res.json()]).toEqual([200, accepted]);

    const user = await t.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, NEW_PASSWORD)).toBe(true);
    expect(user).toMatchObject({
      password_changed_at: clock.now(),
      must_change_password: false,
      failed_login_count: 0,
    });
    for (const b of [browserA, browserB])
      expect((await b.get('/api/session')).json()).toEqual({ user: null });
    expect((await new TestClient(t.app).get(`/api/password-resets/${older}`)).statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', u.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'user.password_reset_request',
      'user.password_reset_request',
      'user.password_reset',
    ]);
    const notice = (await outboxTo(u.email)).at(-1)!;
    expect(notice).toMatchObject({
      template: 'password-changed',
      subject: '【Madoguchi】パスワード変更のお知らせ',
    });
    expect(notice.body).toContain('2026/06');
    expect(
      (await new TestClient(t.app).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(401);
    await signedIn(t.app, u.email, NEW_PASSWORD);
  });

  it('a password breaking the policy or the history is refused naming each rule; nothing changes and the link stays usable', async () => {
    const u = await member('weak');
    const token = await requestReset(u.email);
    const c = new TestClient(t.app);
    const before = await countRows(t.db);
    const weak = await c.post(`/api/password-resets/${token}`, {
      password: 'hanako',
      passwordConfirm: 'hanako',
    });
    expect([weak.statusCode, weak.json()]).toEqual([
      400,
      validation({
        password: [
          'パスワードの条件を満たしていません。',
          '12文字以上128文字以下',
          '英大文字を含む',
          '数字を含む',
          '記号を含む',
          'よく使われるパスワードではない',
        ],
      }),
    ]);
    const same = await c.post(`/api/password-resets/${token}`, {
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
    });
    expect(same.json()).toEqual(
      validation({
        password: ['パスワードの条件を満たしていません。', '過去4回までに使用したパスワードではない'],
      }),
    );
    const mismatch = await c.post(`/api/password-resets/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirm: `${NEW_PASSWORD}x`,
    });
    expect(mismatch.json()).toEqual(validation({ passwordConfirm: ['パスワードが一致しません。'] }));
    const tooLong = `Aa1-${'x'.repeat(125)}`;
    const long = await c.post(`/api/password-resets/${token}`, {
      password: tooLong,
      passwordConfirm: tooLong,
    });
    expect(long.json()).toEqual(
      validation({
        password: ['入力できる文字数を超えています。'],
        passwordConfirm: ['入力できる文字数を超えています。'],
      }),
    );
    expect(await countRows(t.db)).toEqual(before);
    expect((await resetRow(u.id)).used_at).toBeNull();
    expect(
      (
        await c.post(`/api/password-resets/${token}`, {
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('two submissions at once: one wins, the other is told the link was used', async () => {
    const u = await member('race');
    const token = await requestReset(u.email);
    const c = new TestClient(t.app);
    await c.get('/api/session');
    const answers = await Promise.all([
      c.post(`/api/password-resets/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
      c.post(`/api/password-resets/${token}`, {
        password: 'Other-Kite-Sings-78',
        passwordConfirm: 'Other-Kite-Sings-78',
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const history = await t.db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(history).toHaveLength(1);
  });
});
