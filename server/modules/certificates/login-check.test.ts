import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { openPkcs12, proxyHeaders } from '../../test/certificates.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { generateRsaKeys, newSerial, x509 } from './x509.js';

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
const invalid = { error: { code: 'invalid_credentials', message: expect.any(String) } };

let t: TestApp;
let customer: { id: string; tenant_id: string | null };
let admin: TestClient;
const users: Record<string, { id: string; email: string }> = {};

/** Issues a certificate to a user through the admin API; answers its PEM. */
async function issue(userId: string, path = 'certificates') {
  const res = await admin.post(`/api/users/${userId}/${path}`);
  expect(res.statusCode).toBe(201);
  const { p12Base64, p12Password } = res.json();
  return openPkcs12(p12Base64, p12Password).certificatePem;
}

const login = (email: string, headers: Record<string, string> = {}) =>
  new TestClient(t.app).request('POST', '/api/auth/login', { email, password: TEST_PASSWORD }, headers);

async function state(userId: string) {
  const { rows } = await sql<{ failed: number; sessions: string; attempts: string }>`
    SELECT (SELECT failed_login_count FROM users WHERE id = ${userId}) AS failed,
           (SELECT count(*) FROM sessions WHERE user_id = ${userId}) AS sessions,
           (SELECT count(*) FROM login_attempts WHERE user_id = ${userId}) AS attempts`.execute(t.db);
  return rows[0]!;
}

/** Refused with the generic answer, counted once, and nothing else written. */
async function expectRefused(userId: string, email: string, headers: Record<string, string>) {
  const before = await state(userId);
  const res = await login(email, headers);
  expect(res.statusCode).toBe(401);
  expect(res.json()).toEqual(invalid);
  const after = await state(userId);
  expect(after).toEqual({ ...before, failed: before.failed + 1 });
}

beforeAll(async () => {
  t = await startTestApp({
    clock,
    env: { CERT_HEADER_TRUSTED_PROXIES: '127.0.0.1, ::1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  await makeOperator(t.db);
  const tenant = await makeTenant(t.db);
  customer = await makeCustomer(t.db, tenant.id);
  await makeUser(t.db, 'admin@login.example.jp', [{ organization: customer, role: 'admin' }]);
  for (const name of ['holder', 'other', 'mail', 'free']) {
    users[name] = await makeUser(t.db, `${name}@login.example.jp`, [
      { organization: customer, role: 'member' },
    ]);
  }
  admin = await signedIn(t.app, 'admin@login.example.jp');
  await t.db
    .updateTable('users')
    .set({ mfa_method: 'certificate' })
    .where('id', 'in', [users.holder!.id, users.other!.id])
    .execute();
  await t.db.updateTable('users').set({ mfa_method: 'mail' }).where('id', '=', users.mail!.id).execute();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.db.updateTable('users').set({ failed_login_count: 0, locked_until: null }).execute();
});

describe('certificate check at sign-in (004 §2-2)', () => {
  let holderPem: string;

  it('a correct password without a certificate is refused, counted, and opens nothing', async () => {
    holderPem = await issue(users.holder!.id);
    await expectRefused(users.holder!.id, users.holder!.email, {});
  });

  it('the certificate issued to the user, forwarded by a trusted proxy, signs in', async () => {
    const res = await login(users.holder!.email, proxyHeaders(holderPem));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed_in', user: { email: users.holder!.email } });
  });

  it('refuses a forged header from an address that is not a trusted proxy', async () => {
    const client = new TestClient(t.app);
    await client.get('/api/session');
    const before = await state(users.holder!.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      headers: {
        cookie: `mg_csrf=${client.cookie('mg_csrf')}`,
        'x-csrf-token': client.cookie('mg_csrf')!,
        ...proxyHeaders(holderPem),
      },
      payload: { email: users.holder!.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(invalid);
    expect(await state(users.holder!.id)).toEqual({ ...before, failed: before.failed + 1 });
  });

  it('refuses malformed and tampered certificate headers with the generic answer', async () => {
    const der = Buffer.from(holderPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5]! ^= 0xff; // one bit of the signature
    const tampered = new x509.X509Certificate(new Uint8Array(der)).toString('pem');
    for (const headers of [
      proxyHeaders(holderPem, 'FAILED:certificate has expired'),
      proxyHeaders('not a certificate'),
      proxyHeaders('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      { 'x-client-cert': '%E0%A4%A', 'x-client-verify': 'SUCCESS' },
      { 'x-client-verify': 'SUCCESS' },
      proxyHeaders(tampered),
    ]) {
      await expectRefused(users.holder!.id, users.holder!.email, headers);
    }
  });

  it("refuses a certificate of another CA with the same names, and another user's certificate", async () => {
    const keys = await generateRsaKeys();
    const foreign = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: newSerial(),
      name: 'CN=Madoguchi Client CA',
      keys,
    });
    await expectRefused(users.holder!.id, users.holder!.email, proxyHeaders(foreign.toString('pem')));
    const otherPem = await issue(users.other!.id);
    await expectRefused(users.holder!.id, users.holder!.email, proxyHeaders(otherPem));
  });

  it('refuses a certificate revoked by a reissue; the new one works', async () => {
    const fresh = await issue(users.holder!.id, 'certificates/reissue');
    await expectRefused(users.holder!.id, users.holder!.email, proxyHeaders(holderPem));
    expect((await login(users.holder!.email, proxyHeaders(fresh))).statusCode).toBe(200);
    holderPem = fresh;
  });

  it('refuses an expired certificate', async () => {
    clock.advance(366 * 86_400_000);
    try {
      await expectRefused(users.holder!.id, users.holder!.email, proxyHeaders(holderPem));
    } finally {
      clock.set(new Date('2026-06-01T00:00:00.000Z'));
    }
  });

  it('a verified certificate counts as the second factor of a user with another method', async () => {
    const pem = await issue(users.mail!.id);
    const withCert = await login(users.mail!.email, proxyHeaders(pem));
    expect(withCert.json()).toMatchObject({ status: 'signed_in' });
    const without = await login(users.mail!.email);
    expect(without.json()).toMatchObject({ status: 'mfa_required' });
  });

  it('a user who needs no certificate signs in without one; a broken header is ignored', async () => {
    expect((await login(users.free!.email)).json()).toMatchObject({ status: 'signed_in' });
    expect((await login(users.free!.email, proxyHeaders('garbage'))).json()).toMatchObject({
      status: 'signed_in',
    });
  });

  it('an organisation requiring certificates for admins refuses its admins without one, not its members', async () => {
    await t.db
      .insertInto('organization_mfa_policies')
      .values({
        organization_id: customer.id,
        require_mfa: false,
        allowed_methods: ['totp', 'mail', 'sms', 'passkey', 'certificate'],
        require_certificate_for_admins: true,
      })
      .execute();
    const adminUser = await t.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', '=', 'admin@login.example.jp')
      .executeTakeFirstOrThrow();
    await expectRefused(adminUser.id, adminUser.email, {});
    const pem = await issue(adminUser.id);
    expect((await login(adminUser.email, proxyHeaders(pem))).statusCode).toBe(200);
    expect((await login(users.free!.email)).statusCode).toBe(200);
    await t.db.deleteFrom('organization_mfa_policies').where('organization_id', '=', customer.id).execute();
  });
});
