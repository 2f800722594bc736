import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { appCode, enrolTotp, invalidCode, lastCodeTo, passwordStep } from './test-support.js';

/** The user's own factors (ID-4): re-authentication, TOTP pairing, recovery codes, mobile by SMS, preferred method. */

const STEP = 30_000;
const MINUTE = 60_000;
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function me(prefix: string) {
  const email = `${prefix}-${++n}@example.jp`;
  const user = await makeUser(t.db, email, [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
  ]);
  return { ...user, email, client: await signedIn(t.app, email) };
}
const reauth = (c: TestClient, password = TEST_PASSWORD) => c.post('/api/me/reauth', { password });

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('re-authentication', () => {
  it('enrol and remove routes answer 403 reauth_required without it, and again 5 minutes after it', async () => {
    const u = await me('reauth');
    for (const [method, url] of [
      ['POST', '/api/me/mfa/totp/setup'],
      ['DELETE', '/api/me/mfa/totp'],
      ['POST', '/api/me/mfa/recovery-codes'],
    ] as const) {
      const res = await u.client.request(method, url, method === 'POST' ? {} : undefined);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'reauth_required']);
    }
    expect((await u.client.post('/api/me/mobile/verification', { mobile: '090-1234-5678' })).statusCode).toBe(
      403,
    );
    expect((await reauth(u.client)).statusCode).toBe(204);
    expect((await u.client.post('/api/me/mfa/totp/setup')).statusCode).toBe(200);
    clock.advance(5 * MINUTE + 1000);
    expect((await u.client.post('/api/me/mfa/totp/setup')).statusCode).toBe(403);
  });

  it('a wrong password is a field error and counts toward the lockout', async () => {
    const u = await me('reauth-wrong');
    const res = await reauth(u.client, 'Wrong-Password-1!');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ password: ['現在のパスワードが正しくありません。'] });
    const row = await t.db
      .selectFrom('users')
      .select('failed_login_count')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_login_count).toBe(1);
  });
});

describe('TOTP pairing', () => {
  it('setup shows the secret, the otpauth URI and a PNG QR code; only a valid code completes it', async () => {
    const u = await me('pair');
    await reauth(u.client);
    const setup = (await u.client.post('/api/me/mfa/totp/setup')).json();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toBe(
      `otpauth://totp/Madoguchi:${encodeURIComponent(u.email)}?issuer=Madoguchi&secret=${setup.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await u.client.post('/api/me/mfa/totp/confirm', {
      code: appCode(setup.secret, new Date(clock.now().getTime() + 5 * STEP)),
    });
    expect([wrong.statusCode, wrong.json()]).toEqual([400, invalidCode]);
    expect((await u.client.get('/api/me/mfa')).json().methods.totp.enrolled).toBe(false);
    const ok = await u.client.post('/api/me/mfa/totp/confirm', { code: appCode(setup.secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    const view = (await u.client.get('/api/me/mfa')).json();
    expect(view).toMatchObject({
      methods: { totp: { enrolled: true, enrolledAt: clock.now().toISOString() }, mail: { available: true } },
      preferred: 'totp',
      recoveryCodesLeft: 10,
      policy: { requireMfa: false },
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', u.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.mfa_enrol');
  });

  it('new recovery codes void the old ones; removing TOTP ends the second step', async () => {
    const u = await me('regen');
    const { recoveryCodes: old } = await enrolTotp(u.client, clock.now());
    const fresh = (await u.client.post('/api/me/mfa/recovery-codes')).json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const a = await passwordStep(t, u.email);
    expect(
      (await a.client.post('/api/auth/mfa/verify', { method: 'recovery', code: old[0] })).statusCode,
    ).toBe(401);
    expect(
      (await a.client.post('/api/auth/mfa/verify', { method: 'recovery', code: fresh[0] })).statusCode,
    ).toBe(200);
    expect((await u.client.request('DELETE', '/api/me/mfa/totp')).statusCode).toBe(204);
    expect((await u.client.get('/api/me/mfa')).json()).toMatchObject({
      methods: { totp: { enrolled: false } },
      preferred: null,
    });
    expect((await passwordStep(t, u.email)).body.status).toBe('signed_in');
  });
});

describe('mobile number by SMS', () => {
  it('the code goes out by SMS; only the right code verifies the number; SMS then signs in', async () => {
    const u = await me('sms');
    await reauth(u.client);
    const start = await u.client.post('/api/me/mobile/verification', { mobile: '090-1234-5678' });
    expect(start.statusCode).toBe(202);
    const sms = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', '090-1234-5678')
      .executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ channel: 'sms', template: 'mobile-verification', status: 'pending' });
    const code = await lastCodeTo(t.db, '090-1234-5678');
    const wrong = await u.client.post('/api/me/mobile/verification/confirm', {
      code: code === '123456' ? '654321' : '123456',
    });
    expect([wrong.statusCode, wrong.json()]).toEqual([400, invalidCode]);
    expect((await u.client.get('/api/me/mfa')).json().methods.sms).toEqual({
      enrolled: false,
      maskedMobile: null,
    });
    expect((await u.client.post('/api/me/mobile/verification/confirm', { code })).statusCode).toBe(204);
    expect((await u.client.get('/api/me/mfa')).json().methods.sms).toEqual({
      enrolled: true,
      maskedMobile: '090-****-5678',
    });
    expect((await u.client.put('/api/me/mfa/preferred', { method: 'sms' })).statusCode).toBe(204);

    const login = await passwordStep(t, u.email);
    expect(login.body).toEqual({
      status: 'mfa_required',
      methods: ['sms', 'mail'],
      preferred: 'sms',
      maskedEmail: 's***@example.jp',
      maskedMobile: '090-****-5678',
    });
    const loginCode = await lastCodeTo(t.db, '090-1234-5678');
    expect(loginCode).not.toBe(code);
    const ok = await login.client.post('/api/auth/mfa/verify', { method: 'sms', code: loginCode });
    expect(ok.statusCode).toBe(200);
  });

  it('changing the number in the profile drops the verification', async () => {
    const u = await me('sms-change');
    await reauth(u.client);
    await u.client.post('/api/me/mobile/verification', { mobile: '080-1111-2222' });
    await u.client.post('/api/me/mobile/verification/confirm', {
      code: await lastCodeTo(t.db, '080-1111-2222'),
    });
    expect((await u.client.get('/api/me/mfa')).json().methods.sms.enrolled).toBe(true);
    expect((await u.client.put('/api/me/mfa/preferred', { method: 'sms' })).statusCode).toBe(204);
    const login = await passwordStep(t, u.email);
    expect(login.body).toMatchObject({ status: 'mfa_required', preferred: 'sms' });
    await u.client.request('PATCH', '/api/me/profile', { mobile: '080-3333-4444' });
    expect((await u.client.get('/api/me/mfa')).json().methods.sms.enrolled).toBe(false);
    // The login that started before the change cannot send to the new, unverified number.
    clock.advance(STEP);
    const resend = await login.client.post('/api/auth/mfa/send', { method: 'sms' });
    expect([resend.statusCode, resend.json().error.code]).toEqual([409, 'mfa_method_unavailable']);
    const sent = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', '=', '080-3333-4444')
      .execute();
    expect(sent).toEqual([]);
  });

  it('five wrong answers end the code: the right one no longer verifies the number', async () => {
    const u = await me('sms-five');
    await reauth(u.client);
    await u.client.post('/api/me/mobile/verification', { mobile: '070-1212-3434' });
    const code = await lastCodeTo(t.db, '070-1212-3434');
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++)
      expect((await u.client.post('/api/me/mobile/verification/confirm', { code: wrong })).statusCode).toBe(
        400,
      );
    const late = await u.client.post('/api/me/mobile/verification/confirm', { code });
    expect([late.statusCode, late.json()]).toEqual([400, invalidCode]);
    expect((await u.client.get('/api/me/mfa')).json().methods.sms.enrolled).toBe(false);
  });

  it('a code expires after 10 minutes; sends are 30 s apart', async () => {
    const u = await me('sms-expiry');
    await reauth(u.client);
    await u.client.post('/api/me/mobile/verification', { mobile: '070-5555-6666' });
    expect((await u.client.post('/api/me/mobile/verification', { mobile: '070-5555-6666' })).statusCode).toBe(
      429,
    );
    const code = await lastCodeTo(t.db, '070-5555-6666');
    clock.advance(10 * MINUTE);
    expect((await u.client.post('/api/me/mobile/verification/confirm', { code })).statusCode).toBe(400);
  });
});

describe('preferred method', () => {
  it('only a method the user holds and the policy allows', async () => {
    const u = await me('preferred');
    const res = await u.client.put('/api/me/mfa/preferred', { method: 'totp' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'mfa_method_unavailable']);
    expect((await u.client.put('/api/me/mfa/preferred', { method: 'mail' })).statusCode).toBe(204);
    const login = await passwordStep(t, u.email);
    expect(login.body).toMatchObject({ status: 'mfa_required', methods: ['mail'], preferred: 'mail' });
  });
});
