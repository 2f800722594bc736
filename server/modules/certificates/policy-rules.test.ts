import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueThroughApi, lastAuditDetails, proxyHeaders } from '../../test/certificates.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const policy = (requireCertificateForAdmins: boolean) => ({
  requireMfa: false,
  allowedMethods: ['totp', 'mail', 'certificate'],
  requireCertificateForAdmins,
});
const firstMessage =
  '管理者へのクライアント証明書の必須化は、ご自身の有効なクライアント証明書でログインしてから設定してください。';

let t: TestApp;
let customer: { id: string };
let trialCustomer: { id: string };
let tenant: { id: string };
let otherTenant: { id: string };
let operator: TestClient;
let customerAdmin: TestClient;
let trialAdmin: TestClient;
let partnerAdmin: TestClient;
const ids: Record<string, string> = {};

/** A fresh certificate of the admin `userId` and a browser signed in with it. */
async function certificateSession(by: TestClient, userId: string, email: string) {
  const cert = await issueThroughApi(by, userId);
  return { cert, client: await withCertificate(email, cert.pem) };
}

/** A browser signed in with password and certificate (forwarded by the trusted proxy, 127.0.0.1). */
async function withCertificate(email: string, pem: string) {
  const client = new TestClient(t.app);
  const res = await client.request(
    'POST',
    '/api/auth/login',
    { email, password: TEST_PASSWORD },
    proxyHeaders(pem),
  );
  expect(res.json()).toMatchObject({ status: 'signed_in' });
  return client;
}

const signedInAs = async (client: TestClient) =>
  (await client.get('/api/session')).json().user?.email ?? null;

beforeAll(async () => {
  t = await startTestApp({
    env: { CERT_HEADER_TRUSTED_PROXIES: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  const op = await makeOperator(t.db);
  tenant = await makeTenant(t.db);
  otherTenant = await makeTenant(t.db, '別販売株式会社');
  customer = await makeCustomer(t.db, tenant.id, '本契約顧客');
  trialCustomer = await makeCustomer(t.db, tenant.id, '試用顧客');
  await t.db.updateTable('organizations').set({ trial: true }).where('id', '=', trialCustomer.id).execute();
  await makeUser(t.db, 'op@policy.example.jp', [{ organization: op, role: 'operator_admin' }]);
  ids.admin = (
    await makeUser(t.db, 'admin@policy.example.jp', [{ organization: customer, role: 'admin' }])
  ).id;
  ids.admin2 = (
    await makeUser(t.db, 'admin2@policy.example.jp', [{ organization: customer, role: 'admin' }])
  ).id;
  ids.member = (
    await makeUser(t.db, 'member@policy.example.jp', [{ organization: customer, role: 'member' }])
  ).id;
  await makeUser(t.db, 'trial@policy.example.jp', [{ organization: trialCustomer, role: 'admin' }]);
  ids.partner = (
    await makeUser(t.db, 'partner@policy.example.jp', [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
    ])
  ).id;
  await makeUser(t.db, 'partner2@policy.example.jp', [
    { organization: { id: otherTenant.id, tenant_id: otherTenant.id }, role: 'admin' },
  ]);
  operator = await signedIn(t.app, 'op@policy.example.jp');
  customerAdmin = await signedIn(t.app, 'admin@policy.example.jp');
  trialAdmin = await signedIn(t.app, 'trial@policy.example.jp');
  partnerAdmin = await signedIn(t.app, 'partner@policy.example.jp');
});
afterAll(() => t?.close());

const put = (client: TestClient, orgId: string, on: boolean) =>
  client.put(`/api/organizations/${orgId}/mfa-policy`, policy(on));

describe('certificates for the admins of an organisation (ID-5, 004 §3-2)', () => {
  it('the operator gets 403 switching it on for a customer organisation; nothing changes', async () => {
    const before = await countRows(t.db);
    const res = await put(operator, customer.id, true);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await countRows(t.db)).toEqual(before);
  });

  it('an admin without a certificate is refused (409 certificate_required_first); nothing changes', async () => {
    const before = await countRows(t.db);
    const res = await put(customerAdmin, customer.id, true);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'certificate_required_first', message: firstMessage } });
    expect(await countRows(t.db)).toEqual(before);
    expect((await customerAdmin.get(`/api/organizations/${customer.id}/mfa-policy`)).json()).toMatchObject({
      requireCertificateForAdmins: false,
    });
  });

  it('holding a valid certificate is not enough: the session must have been opened with it', async () => {
    await issueThroughApi(customerAdmin, ids.admin!);
    const res = await put(customerAdmin, customer.id, true);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('certificate_required_first');
  });

  it('a session opened with a certificate since revoked is gone, and cannot switch it on', async () => {
    const { cert, client: viaCert } = await certificateSession(
      customerAdmin,
      ids.admin!,
      'admin@policy.example.jp',
    );
    expect((await customerAdmin.post(`/api/certificates/${cert.id}/revoke`)).statusCode).toBe(204);
    const res = await put(viaCert, customer.id, true);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('from a certificate session it switches on and ends the admin sessions without a certificate, not the members’', async () => {
    const { cert, client: viaCert } = await certificateSession(
      customerAdmin,
      ids.admin!,
      'admin@policy.example.jp',
    );
    const otherAdmin = await signedIn(t.app, 'admin2@policy.example.jp');
    const member = await signedIn(t.app, 'member@policy.example.jp');
    const res = await put(viaCert, customer.id, true);
    expect(res.statusCode).toBe(200);
    expect(res.json().requireCertificateForAdmins).toBe(true);
    expect(await signedInAs(viaCert)).toBe('admin@policy.example.jp');
    expect(await signedInAs(customerAdmin)).toBeNull();
    expect(await signedInAs(otherAdmin)).toBeNull();
    expect(await signedInAs(member)).toBe('member@policy.example.jp');
    const live = await t.db
      .selectFrom('sessions')
      .select(['user_id', 'certificate_id'])
      .where('user_id', 'in', [ids.admin!, ids.admin2!])
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([{ user_id: ids.admin, certificate_id: cert.id }]);
    expect(await lastAuditDetails(t.db, 'organization.mfa_policy_update')).toMatchObject({
      requireCertificateForAdmins: true,
      sessionsEnded: 2,
    });
    // The other admin now needs a certificate to sign in at all.
    const again = await new TestClient(t.app).post('/api/auth/login', {
      email: 'admin2@policy.example.jp',
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    customerAdmin = viaCert;
  });

  it('once on, the operator may save the rest of the policy, and switch it off', async () => {
    expect((await put(operator, customer.id, true)).statusCode).toBe(200);
    expect((await put(operator, customer.id, false)).statusCode).toBe(200);
  });

  it('is refused during the trial (409), even to the organisation’s own admin', async () => {
    const before = await countRows(t.db);
    const res = await put(trialAdmin, trialCustomer.id, true);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('trial_organization');
    expect(await countRows(t.db)).toEqual(before);
    expect((await put(trialAdmin, trialCustomer.id, false)).statusCode).toBe(200);
  });

  it('a partner organisation’s admin switches it on for their own organisation from a certificate session', async () => {
    expect((await put(partnerAdmin, tenant.id, true)).json().error.code).toBe('certificate_required_first');
    const { client: viaCert } = await certificateSession(
      partnerAdmin,
      ids.partner!,
      'partner@policy.example.jp',
    );
    expect((await put(viaCert, tenant.id, true)).statusCode).toBe(200);
    expect(await signedInAs(partnerAdmin)).toBeNull();
  });

  it('the operator, not an admin there, switches it on for a partner; that partner’s admin sessions end', async () => {
    const partner2 = await signedIn(t.app, 'partner2@policy.example.jp');
    expect((await put(operator, otherTenant.id, true)).statusCode).toBe(200);
    expect(await signedInAs(partner2)).toBeNull();
    expect(await signedInAs(operator)).toBe('op@policy.example.jp');
  });
});
