import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { latestMailTo, signedIn, steppedUp } from '../../test/helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { enrolTotp, lastCodeTo, passwordStep } from './test-support.js';

/** Admins and factors (ID-4, ID-5): the required method, resetting a lost factor, the organisation's MFA policy. */

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function memberOf(org: { id: string }, role: 'admin' | 'member' = 'member') {
  const email = `${role}-${++n}@example.jp`;
  const user = await makeUser(t.db, email, [{ organization: { id: org.id, tenant_id: org.id }, role }]);
  return { ...user, email };
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  const operator = await makeOperator(t.db);
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  await makeUser(t.db, 'admin-a@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
  ]);
  await makeUser(t.db, 'admin-b@example.jp', [
    { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'admin' },
  ]);
});
afterAll(() => t.close());

describe('第2段階認証方式 set by an admin', () => {
  it('PATCH mfaMethod: the user is then asked for a second factor (mail until another is enrolled)', async () => {
    const u = await memberOf(tenantA);
    const admin = await signedIn(t.app, 'admin-a@example.jp');
    const res = await admin.request('PATCH', `/api/users/${u.id}`, { mfaMethod: 'totp' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaMethod).toBe('totp');
    const login = await passwordStep(t, u.email);
    expect(login.body).toMatchObject({ status: 'mfa_required', methods: ['mail'], preferred: 'mail' });
    expect((await admin.request('PATCH', `/api/users/${u.id}`, { mfaMethod: 'fax' })).statusCode).toBe(400);
    expect(
      (await admin.request('PATCH', `/api/users/${u.id}`, { mfaMethod: null })).json().mfaMethod,
    ).toBeNull();
    expect((await passwordStep(t, u.email)).body.status).toBe('signed_in');
  });
});

describe('resetting a user’s factors', () => {
  it('removes TOTP, recovery codes and the verified mobile, writes user.mfa_reset and mails the user', async () => {
    const u = await memberOf(tenantA);
    const self = await signedIn(t.app, u.email);
    await enrolTotp(self, clock.now());
    await self.post('/api/me/mobile/verification', { mobile: '090-2222-3333' });
    await self.post('/api/me/mobile/verification/confirm', { code: await lastCodeTo(t.db, '090-2222-3333') });
    const before = (await self.get('/api/me/mfa')).json();
    expect(before).toMatchObject({
      methods: { totp: { enrolled: true }, sms: { enrolled: true } },
      recoveryCodesLeft: 10,
    });

    const admin = await steppedUp(t.app, 'admin-a@example.jp');
    const res = await admin.post(`/api/users/${u.id}/mfa/reset`);
    expect(res.statusCode).toBe(204);
    const after = (await self.get('/api/me/mfa')).json();
    expect(after).toMatchObject({
      methods: { totp: { enrolled: false }, sms: { enrolled: false }, passkey: { count: 0 } },
      recoveryCodesLeft: 0,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.mfa_reset')
      .where('target_id', '=', u.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organization_id: tenantA.id, target_type: 'user' });
    const mail = await latestMailTo(t.db, u.email);
    expect(mail).toMatchObject({
      template: 'mfa-reset',
      subject: '【Madoguchi】二要素認証リセットのお知らせ',
    });
    expect(mail.body).toContain('http://portal.test/login');
  });

  it('another organisation’s user is a 404 and nothing changes; members may not reset', async () => {
    const u = await memberOf(tenantA);
    const self = await signedIn(t.app, u.email);
    await enrolTotp(self, clock.now());
    const otherAdmin = await signedIn(t.app, 'admin-b@example.jp');
    expect((await otherAdmin.post(`/api/users/${u.id}/mfa/reset`)).statusCode).toBe(404);
    const member = await signedIn(t.app, (await memberOf(tenantA)).email);
    expect((await member.post(`/api/users/${u.id}/mfa/reset`)).statusCode).toBe(403);
    expect((await self.get('/api/me/mfa')).json().methods.totp.enrolled).toBe(true);
    expect(
      await t.db
        .selectFrom('outbox')
        .select('id')
        .where('template', '=', 'mfa-reset')
        .where('recipient', '=', u.email)
        .execute(),
    ).toEqual([]);
  });
});

describe('organisation MFA policy', () => {
  const policy = {
    requireMfa: true,
    allowedMethods: ['totp', 'passkey'],
    requireCertificateForAdmins: false,
  };

  it('defaults to optional 2FA with every method; the organisation’s admin sets its own', async () => {
    const admin = await signedIn(t.app, 'admin-a@example.jp');
    const url = `/api/organizations/${tenantA.id}/mfa-policy`;
    expect((await admin.get(url)).json()).toEqual({
      requireMfa: false,
      allowedMethods: ['totp', 'mail', 'sms', 'passkey', 'certificate'],
      requireCertificateForAdmins: false,
    });
    const put = await admin.put(url, policy);
    expect([put.statusCode, put.json()]).toEqual([200, policy]);
    expect((await admin.get(url)).json()).toEqual(policy);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'organization.mfa_policy_update')
      .execute();
    expect(audit).toHaveLength(1);
    const me = (await admin.get('/api/me/mfa')).json();
    expect(me.policy).toEqual({ requireMfa: true, allowedMethods: ['totp', 'passkey'] });
    await admin.put(url, {
      ...policy,
      requireMfa: false,
      allowedMethods: ['totp', 'mail', 'sms', 'passkey', 'certificate'],
    });
  });

  it('another organisation is a 404 for its admin, a member is refused, the operator may set any', async () => {
    const adminB = await signedIn(t.app, 'admin-b@example.jp');
    expect((await adminB.get(`/api/organizations/${tenantA.id}/mfa-policy`)).statusCode).toBe(404);
    expect((await adminB.put(`/api/organizations/${tenantA.id}/mfa-policy`, policy)).statusCode).toBe(404);
    const member = await signedIn(t.app, (await memberOf(tenantB)).email);
    expect((await member.get(`/api/organizations/${tenantB.id}/mfa-policy`)).statusCode).toBe(403);
    const op = await signedIn(t.app, 'op@example.jp');
    expect((await op.put(`/api/organizations/${tenantB.id}/mfa-policy`, policy)).statusCode).toBe(200);
    expect((await op.get(`/api/organizations/999999/mfa-policy`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/organizations/${tenantB.id}/mfa-policy`)).json()).toEqual(policy);
  });

  it('rejects an empty or unknown method list and unknown fields', async () => {
    const admin = await signedIn(t.app, 'admin-a@example.jp');
    const url = `/api/organizations/${tenantA.id}/mfa-policy`;
    for (const body of [
      { ...policy, allowedMethods: [] },
      { ...policy, allowedMethods: ['fax'] },
      { ...policy, allowedMethods: ['totp', 'totp'] },
      { ...policy, extra: 1 },
      { requireMfa: true },
    ])
      expect((await admin.put(url, body)).statusCode).toBe(400);
  });
});
