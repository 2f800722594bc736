import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeTenant, makeUser } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { appCode, enrolTotp, invalidCode, lastCodeTo, loginExpired, passwordStep } from './test-support.js';

/** The second step of the login (ID-4): TOTP, mail OTP, recovery codes, attempts, lockout. */

const STEP = 30_000;
const MINUTE = 60_000;
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let strict: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

/** A member of `org` with a fresh address. */
async function member(prefix: string, org = tenant) {
  const email = `${prefix}-${++n}@example.jp`;
  const user = await makeUser(t.db, email, [
    { organization: { id: org.id, tenant_id: org.id }, role: 'member' },
  ]);
  return { ...user, email };
}

/** A member who paired an authenticator app (the step of the pairing code is then used up). */
async function totpMember(prefix: string) {
  const u = await member(prefix);
  const c = new TestClient(t.app);
  await c.login(u.email, 'Correct-Horse-42!');
  const enrolled = await enrolTotp(c, clock.now());
  clock.advance(STEP);
  return { ...u, ...enrolled };
}

const userRow = (id: string) =>
  t.db
    .selectFrom('users')
    .select(['failed_login_count', 'locked_until', 'last_totp_step'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const sessionsOf = (id: string) =>
  t.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
const verify = (c: TestClient, body: object) => c.post('/api/auth/mfa/verify', body);

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  tenant = await makeTenant(t.db, 'あおぞら販売');
  strict = await makeTenant(t.db, 'かわせみ商事');
  await t.db
    .insertInto('organization_mfa_policies')
    .values({
      organization_id: strict.id,
      require_mfa: true,
      allowed_methods: ['totp', 'mail', 'sms', 'passkey'],
    })
    .execute();
});
afterAll(() => t.close());

describe('without a second factor', () => {
  it('the login answers signed_in with the session view at the top level, as before', async () => {
    const u = await member('plain');
    const { client, body } = await passwordStep(t, u.email);
    expect(body).toMatchObject({ status: 'signed_in', user: { email: u.email }, pendingActions: [] });
    expect(body.current).toMatchObject({ code: tenant.code });
    expect(client.cookie('mg_session')).toBeDefined();
    expect(client.cookie('mg_login')).toBeUndefined();
  });
});

describe('TOTP', () => {
  it('after the password: no session, an attempt cookie, the methods; the app code signs in once', async () => {
    const u = await totpMember('totp');
    const { client, body } = await passwordStep(t, u.email);
    expect(body).toEqual({
      status: 'mfa_required',
      methods: ['totp', 'mail', 'recovery'],
      preferred: 'totp',
      maskedEmail: `t***@example.jp`,
    });
    expect(client.cookie('mg_session')).toBeUndefined();
    expect(client.cookie('mg_login')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionsOf(u.id)).toHaveLength(1); // only the enrolment session
    const ok = await verify(client, { method: 'totp', code: appCode(u.secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'signed_in', user: { email: u.email } });
    expect(client.cookie('mg_session')).toBeDefined();
    expect((await client.get('/api/session')).json().user.email).toBe(u.email);
    // The attempt is consumed: the same cookie cannot verify again.
    const again = await verify(client, { method: 'totp', code: appCode(u.secret, clock.now()) });
    expect([again.statusCode, again.json()]).toEqual([401, loginExpired]);
  });

  it('a code already used (the same time step) is refused, in another login too, and counted', async () => {
    const u = await totpMember('replay');
    const code = appCode(u.secret, clock.now());
    const first = await passwordStep(t, u.email);
    expect((await verify(first.client, { method: 'totp', code })).statusCode).toBe(200);
    const second = await passwordStep(t, u.email);
    const replay = await verify(second.client, { method: 'totp', code });
    expect([replay.statusCode, replay.json()]).toEqual([401, invalidCode]);
    expect((await userRow(u.id)).failed_login_count).toBe(1);
    expect(second.client.cookie('mg_session')).toBeUndefined();
  });

  it('accepts the previous and the next step (±1), refuses two steps away and a step older than the last used', async () => {
    const u = await totpMember('window');
    clock.advance(STEP); // the pairing code's step is two steps back now
    const now = clock.now().getTime();
    const at = (steps: number) => appCode(u.secret, new Date(now + steps * STEP));
    const a = await passwordStep(t, u.email);
    expect((await verify(a.client, { method: 'totp', code: at(-2) })).statusCode).toBe(401);
    expect((await verify(a.client, { method: 'totp', code: at(2) })).statusCode).toBe(401);
    expect((await verify(a.client, { method: 'totp', code: at(-1) })).statusCode).toBe(200);
    const b = await passwordStep(t, u.email);
    expect((await verify(b.client, { method: 'totp', code: at(1) })).statusCode).toBe(200);
    // The current step is older than the one just used: refused.
    const c = await passwordStep(t, u.email);
    expect((await verify(c.client, { method: 'totp', code: at(0) })).statusCode).toBe(401);
    clock.advance(2 * STEP);
    expect(
      (await verify(c.client, { method: 'totp', code: appCode(u.secret, clock.now()) })).statusCode,
    ).toBe(200);
  });

  it('a recovery code works once, in any case', async () => {
    const u = await totpMember('recovery');
    expect(u.recoveryCodes).toHaveLength(10);
    for (const code of u.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
    const a = await passwordStep(t, u.email);
    const ok = await verify(a.client, { method: 'recovery', code: u.recoveryCodes[0]!.toUpperCase() });
    expect(ok.statusCode).toBe(200);
    const b = await passwordStep(t, u.email);
    const reused = await verify(b.client, { method: 'recovery', code: u.recoveryCodes[0] });
    expect([reused.statusCode, reused.json()]).toEqual([401, invalidCode]);
    const me = (await a.client.get('/api/me/mfa')).json();
    expect(me.recoveryCodesLeft).toBe(9);
  });
});

describe('mail OTP', () => {
  it('an organisation requiring 2FA: a user without factors gets the code by mail at once and signs in with it', async () => {
    const u = await member('mail', strict);
    const { client, body } = await passwordStep(t, u.email);
    expect(body).toEqual({
      status: 'mfa_required',
      methods: ['mail'],
      preferred: 'mail',
      maskedEmail: 'm***@example.jp',
    });
    const mail = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', u.email)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      channel: 'mail',
      template: 'mfa-code',
      subject: '【Madoguchi】認証コードのお知らせ',
    });
    const code = await lastCodeTo(t.db, u.email);
    const stored = await t.db.selectFrom('one_time_codes').select('code_hash').execute();
    expect(stored.map((s) => s.code_hash)).not.toContain(code);
    const ok = await verify(client, { method: 'mail', code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('signed_in');
  });

  it('a code is valid for 10 minutes: at 9:59 it works, at 10:00 the login has expired', async () => {
    const u = await member('expiry', strict);
    const a = await passwordStep(t, u.email);
    const codeA = await lastCodeTo(t.db, u.email);
    clock.advance(10 * MINUTE - 1000);
    expect((await verify(a.client, { method: 'mail', code: codeA })).statusCode).toBe(200);
    const b = await passwordStep(t, u.email);
    const codeB = await lastCodeTo(t.db, u.email);
    clock.advance(10 * MINUTE);
    const late = await verify(b.client, { method: 'mail', code: codeB });
    expect([late.statusCode, late.json()]).toEqual([401, loginExpired]);
    expect(b.client.cookie('mg_session')).toBeUndefined();
  });

  it('wrong, reused and foreign codes get the generic answer, are counted, and change nothing', async () => {
    const u = await member('bad', strict);
    const a = await passwordStep(t, u.email);
    const codeA = await lastCodeTo(t.db, u.email);
    const b = await passwordStep(t, u.email);
    const codeB = await lastCodeTo(t.db, u.email);
    const wrong = codeA === '000000' ? '000001' : '000000';
    for (const [client, code] of [
      [a.client, wrong],
      [a.client, codeB], // another attempt's code
      [b.client, codeA],
    ] as const) {
      const res = await verify(client, { method: 'mail', code });
      expect([res.statusCode, res.json()]).toEqual([401, invalidCode]);
    }
    expect((await userRow(u.id)).failed_login_count).toBe(3);
    expect(await sessionsOf(u.id)).toEqual([]);
    // A code for a method the attempt does not offer is wrong too.
    expect((await verify(a.client, { method: 'totp', code: codeA })).statusCode).toBe(401);
    expect((await verify(a.client, { method: 'mail', code: codeA })).statusCode).toBe(200);
    // Used: the same code in the other attempt (where it was foreign anyway) and in a new one.
    const c = await passwordStep(t, u.email);
    expect((await verify(c.client, { method: 'mail', code: codeA })).json()).toEqual(invalidCode);
  });

  it('five wrong codes end the attempt; the user starts again', async () => {
    const u = await member('five', strict);
    const a = await passwordStep(t, u.email);
    const code = await lastCodeTo(t.db, u.email);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++)
      expect((await verify(a.client, { method: 'mail', code: wrong })).json()).toEqual(invalidCode);
    const dead = await verify(a.client, { method: 'mail', code });
    expect([dead.statusCode, dead.json()]).toEqual([401, loginExpired]);
  });

  it('wrong codes count toward the lockout: at the threshold the account locks, with the notice mail', async () => {
    const u = await member('lock', strict);
    for (let round = 0; round < 2; round++) {
      const a = await passwordStep(t, u.email);
      for (let i = 0; i < 5; i++)
        await verify(a.client, {
          method: 'mail',
          code: '999999' === (await lastCodeTo(t.db, u.email)) ? '999998' : '999999',
        });
    }
    const row = await userRow(u.id);
    expect(row.failed_login_count).toBe(10);
    expect(row.locked_until).not.toBeNull();
    const locked = await new TestClient(t.app).post('/api/auth/login', {
      email: u.email,
      password: 'Correct-Horse-42!',
    });
    expect(locked.json().error.code).toBe('invalid_credentials');
    const notices = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', '=', u.email)
      .where('template', '=', 'lockout')
      .execute();
    expect(notices).toHaveLength(1);
  });

  it('resend: 30 seconds apart, at most 5 sends per attempt; each new code replaces the last', async () => {
    const u = await member('resend', strict);
    const a = await passwordStep(t, u.email); // send 1
    const first = await lastCodeTo(t.db, u.email);
    const tooSoon = await a.client.post('/api/auth/mfa/send', { method: 'mail' });
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.code).toBe('code_resend_limited');
    for (let i = 2; i <= 5; i++) {
      clock.advance(STEP);
      const sent = await a.client.post('/api/auth/mfa/send', { method: 'mail' });
      expect([sent.statusCode, sent.json()]).toEqual([202, { resendAfterSeconds: 30 }]);
    }
    clock.advance(STEP);
    expect((await a.client.post('/api/auth/mfa/send', { method: 'mail' })).statusCode).toBe(429);
    const mails = await t.db.selectFrom('outbox').select('id').where('recipient', '=', u.email).execute();
    expect(mails).toHaveLength(5);
    const latest = await lastCodeTo(t.db, u.email);
    if (latest !== first)
      expect((await verify(a.client, { method: 'mail', code: first })).statusCode).toBe(401);
    expect((await verify(a.client, { method: 'mail', code: latest })).statusCode).toBe(200);
  });

  it('sending without an attempt, or by SMS without a verified mobile, is refused', async () => {
    const none = await new TestClient(t.app).post('/api/auth/mfa/send', { method: 'mail' });
    expect([none.statusCode, none.json()]).toEqual([401, loginExpired]);
    const u = await member('nosms', strict);
    const a = await passwordStep(t, u.email);
    clock.advance(STEP);
    const sms = await a.client.post('/api/auth/mfa/send', { method: 'sms' });
    expect([sms.statusCode, sms.json().error.code]).toEqual([409, 'mfa_method_unavailable']);
  });
});

describe('organisation policy at login', () => {
  it('mail OTP disallowed: not offered; a user without another factor must enrol first', async () => {
    const noMail = await makeTenant(t.db, 'つばめ物産');
    await t.db
      .insertInto('organization_mfa_policies')
      .values({ organization_id: noMail.id, require_mfa: true, allowed_methods: ['totp', 'sms'] })
      .execute();
    const u = await member('nomail', noMail);
    const { client, body } = await passwordStep(t, u.email);
    expect(body).toMatchObject({ status: 'mfa_enrolment_required', pendingActions: ['enrolMfa'] });
    expect(await t.db.selectFrom('outbox').select('id').where('recipient', '=', u.email).execute()).toEqual(
      [],
    );
    const blocked = await client.get('/api/me/profile');
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([403, 'mfa_enrolment_required']);
    expect((await client.get('/api/me/mfa')).json().methods.mail).toEqual({ available: false });
    const { secret } = await enrolTotp(client, clock.now());
    expect((await client.get('/api/session')).json().pendingActions).toEqual([]);
    expect((await client.get('/api/me/profile')).statusCode).toBe(200);
    clock.advance(STEP);
    const again = await passwordStep(t, u.email);
    expect(again.body).toEqual({ status: 'mfa_required', methods: ['totp', 'recovery'], preferred: 'totp' });
    const mail = await again.client.post('/api/auth/mfa/send', { method: 'mail' });
    expect(mail.statusCode).toBe(409);
    expect(
      (await verify(again.client, { method: 'totp', code: appCode(secret, clock.now()) })).statusCode,
    ).toBe(200);
  });
});
