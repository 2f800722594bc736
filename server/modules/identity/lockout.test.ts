import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { defaultPolicyBody, latestMailTo, signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** Lockout after consecutive wrong passwords (ID-2, `001 §3.1`), with the clock under test control. */

const MINUTE = 60_000;
const WRONG = 'Wrong-Password-1!';
const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const invalid = {
  error: { code: 'invalid_credentials', message: 'メールアドレスまたはパスワードが正しくありません。' },
};

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

/** A fresh member of the tenant, so each case starts from zero failures. */
async function member(prefix: string, org: { id: string; tenant_id?: string | null } = tenant) {
  const email = `${prefix}-${++n}@example.jp`;
  const user = await makeUser(t.db, email, [
    { organization: { id: org.id, tenant_id: org.tenant_id ?? org.id }, role: 'member' },
  ]);
  return { ...user, email };
}

/** One sign-in attempt from a fresh browser (its own CSRF cookie, no session). */
const login = (email: string, password: string) =>
  new TestClient(t.app).post('/api/auth/login', { email, password });

async function wrongTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) expect((await login(email, WRONG)).statusCode).toBe(401);
}

const userRow = (id: string) =>
  t.db
    .selectFrom('users')
    .select(['failed_login_count', 'locked_until'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const mails = (to: string, template = 'lockout') =>
  t.db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', '=', to)
    .where('template', '=', template)
    .execute();

const audits = (userId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('target_id', '=', userId)
    .where('action', '=', action)
    .execute();

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  const operator = await makeOperator(t.db);
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('ten consecutive wrong passwords', () => {
  it('lock the account on the tenth, with one notice mail and one audit event', async () => {
    const u = await member('ten');
    await wrongTimes(u.email, 9);
    expect(await userRow(u.id)).toEqual({ failed_login_count: 9, locked_until: null });
    expect(await mails(u.email)).toEqual([]);

    const tenth = await login(u.email, WRONG);
    expect(tenth.statusCode).toBe(401);
    expect(tenth.json()).toEqual(invalid);
    expect(await userRow(u.id)).toEqual({
      failed_login_count: 10,
      locked_until: new Date(clock.now().getTime() + 60 * MINUTE),
    });
    const [mail, ...more] = await mails(u.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('【Madoguchi】アカウントロックアウト通知');
    expect(mail!.body).toContain(`${u.email} 様`);
    expect(mail!.body).toContain('サービスポータルの URL: http://portal.test/login');
    expect(mail!.body).toContain('ロックアウト時間は最大 1 時間です。');
    const lock = await audits(u.id, 'user.lock');
    expect(lock).toHaveLength(1);
    expect(lock[0]!.details).toMatchObject({ failedAttempts: 10 });
  });

  it('while locked, the right password gets exactly the wrong password’s answer; attempts add no mail', async () => {
    const u = await member('locked');
    await wrongTimes(u.email, 10);
    const right = await login(u.email, TEST_PASSWORD);
    const wrong = await login(u.email, WRONG);
    expect([right.statusCode, right.json()]).toEqual([401, invalid]);
    expect([wrong.statusCode, wrong.json()]).toEqual([401, invalid]);
    expect(right.cookies.find((c) => c.name === 'mg_session')).toBeUndefined();
    await wrongTimes(u.email, 5);
    expect((await userRow(u.id)).failed_login_count).toBe(10);
    expect(await mails(u.email)).toHaveLength(1);
    expect(await audits(u.id, 'user.lock')).toHaveLength(1);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
  });

  it('after the hour the right password works again and the count starts from zero', async () => {
    const u = await member('expiry');
    await wrongTimes(u.email, 10);
    clock.advance(59 * MINUTE);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
    clock.advance(MINUTE);
    const res = await login(u.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(await userRow(u.id)).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('after an expired lock, the next failures count from one and lock again with a second mail', async () => {
    const u = await member('relock');
    await wrongTimes(u.email, 10);
    clock.advance(61 * MINUTE);
    await wrongTimes(u.email, 1);
    expect(await userRow(u.id)).toEqual({ failed_login_count: 1, locked_until: null });
    await wrongTimes(u.email, 9);
    expect((await userRow(u.id)).locked_until).toEqual(new Date(clock.now().getTime() + 60 * MINUTE));
    expect(await mails(u.email)).toHaveLength(2);
    expect(await audits(u.id, 'user.lock')).toHaveLength(2);
  });

  it('a success resets the count: nine wrong, one right, nine wrong is no lock', async () => {
    const u = await member('reset-count');
    await wrongTimes(u.email, 9);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await userRow(u.id)).failed_login_count).toBe(0);
    await wrongTimes(u.email, 9);
    expect(await userRow(u.id)).toEqual({ failed_login_count: 9, locked_until: null });
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('50 parallel wrong attempts cannot pass the limit: the count stops at 10, one mail, one audit event', async () => {
    const u = await member('parallel');
    const answers = await Promise.all(Array.from({ length: 50 }, () => login(u.email, WRONG)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(401));
    expect(await userRow(u.id)).toEqual({
      failed_login_count: 10,
      locked_until: new Date(clock.now().getTime() + 60 * MINUTE),
    });
    expect(await mails(u.email)).toHaveLength(1);
    expect(await audits(u.id, 'user.lock')).toHaveLength(1);
  });

  it('50 parallel attempts with the right password among them still end locked and answer alike', async () => {
    const u = await member('mixed');
    await wrongTimes(u.email, 10);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_v, i) => login(u.email, i % 2 ? TEST_PASSWORD : WRONG)),
    );
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`))).toEqual(
      new Set([`401 ${JSON.stringify(invalid)}`]),
    );
    expect(await mails(u.email)).toHaveLength(1);
  });

  it('an account without a password yet (an invitee) or a disabled one is not counted and gets no mail', async () => {
    const invitee = await t.db
      .insertInto('users')
      .values({ email: 'invitee-lock@example.jp', name: '招待　中', password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const disabled = await makeUser(t.db, 'disabled-lock@example.jp', [], { status: 'disabled' });
    await wrongTimes('invitee-lock@example.jp', 12);
    await wrongTimes('disabled-lock@example.jp', 12);
    for (const id of [invitee.id, disabled.id])
      expect(await userRow(id)).toEqual({ failed_login_count: 0, locked_until: null });
    expect(await mails('invitee-lock@example.jp')).toEqual([]);
    expect(await mails('disabled-lock@example.jp')).toEqual([]);
  });
});

describe('unlocking by a password reset', () => {
  it('a completed reset unlocks at once, records user.unlock, and the new password signs in', async () => {
    const u = await member('reset-unlock');
    await wrongTimes(u.email, 10);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.post('/api/auth/password-reset', { email: u.email })).statusCode).toBe(202);
    const token = /\/password-reset\/([A-Za-z0-9_-]+)/.exec((await latestMailTo(t.db, u.email)).body)![1]!;
    const done = await anonymous.post(`/api/password-resets/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    expect(await userRow(u.id)).toEqual({ failed_login_count: 0, locked_until: null });
    expect(await audits(u.id, 'user.unlock')).toMatchObject([{ details: { via: 'password_reset' } }]);
    expect((await login(u.email, NEW_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the organisation’s lockout policy', () => {
  it('a threshold of 3 and 5 minutes set by the operator applies to its members', async () => {
    const other = await makeTenant(t.db, 'かわせみ商事');
    const op = await signedIn(t.app, 'op@example.jp');
    const put = await op.put(`/api/operator/organizations/${other.id}/password-policy`, {
      ...defaultPolicyBody,
      lockoutThreshold: 3,
      lockoutMinutes: 5,
    });
    expect(put.statusCode).toBe(200);
    const u = await member('policy', { id: other.id, tenant_id: other.id });
    await wrongTimes(u.email, 2);
    expect((await userRow(u.id)).locked_until).toBeNull();
    await wrongTimes(u.email, 1);
    expect(await userRow(u.id)).toEqual({
      failed_login_count: 3,
      locked_until: new Date(clock.now().getTime() + 5 * MINUTE),
    });
    expect((await mails(u.email))[0]!.body).toContain('ロックアウト時間は最大 5 分です。');
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
    clock.advance(5 * MINUTE);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a member of the default organisation keeps the manual’s 10 attempts', async () => {
    const u = await member('default');
    await wrongTimes(u.email, 3);
    expect((await userRow(u.id)).locked_until).toBeNull();
  });
});
