import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { issueThroughApi, lastAuditDetails, proxyHeaders } from '../../test/certificates.js';
import { makeCustomer, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { appCode, enrolTotp } from '../mfa/test-support.js';
import { x509 } from './x509.js';

/**
 * A certificate is a second factor only where policy allows it, and a session opened with a
 * certificate lives no longer than the certificate (ID-5, ID-15): all through the HTTP API, the
 * certificate forwarded by the trusted proxy (127.0.0.1) as nginx would.
 */
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
const totpOnly = { requireMfa: true, allowedMethods: ['totp'], requireCertificateForAdmins: false };
const withCertificate = { ...totpOnly, allowedMethods: ['totp', 'certificate'] };

let t: TestApp;
let customer: { id: string; tenant_id: string | null };
let second: { id: string; tenant_id: string | null };
let admin: TestClient;
let secondAdmin: TestClient;
const users: Record<string, { id: string; email: string }> = {};
const secrets: Record<string, string> = {};

const issue = (userId: string, path = 'certificates') => issueThroughApi(admin, userId, path);

/** A fresh browser entering the right password, with the certificate when given. */
async function login(email: string, pem?: string) {
  const client = new TestClient(t.app);
  const res = await client.request(
    'POST',
    '/api/auth/login',
    { email, password: TEST_PASSWORD },
    pem ? proxyHeaders(pem) : {},
  );
  return { client, res };
}

const setPolicy = async (by: TestClient, orgId: string, body: object) =>
  expect((await by.put(`/api/organizations/${orgId}/mfa-policy`, body)).statusCode).toBe(200);

const sessionsOf = (userId: string) =>
  t.db
    .selectFrom('sessions')
    .select(['certificate_id', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

const whoAmI = async (client: TestClient) => (await client.get('/api/session')).json().user?.email ?? null;

beforeAll(async () => {
  t = await startTestApp({
    clock,
    env: { CERT_HEADER_TRUSTED_PROXIES: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  const tenant = await makeTenant(t.db);
  customer = await makeCustomer(t.db, tenant.id, '証明書方針顧客');
  second = await makeCustomer(t.db, tenant.id, '第二顧客');
  await makeUser(t.db, 'admin@factor.example.jp', [{ organization: customer, role: 'admin' }]);
  await makeUser(t.db, 'admin2@factor.example.jp', [{ organization: second, role: 'admin' }]);
  for (const name of ['totp', 'both', 'holder']) {
    users[name] = await makeUser(t.db, `${name}@factor.example.jp`, [
      { organization: customer, role: 'member' },
    ]);
  }
  users.multi = await makeUser(t.db, 'multi@factor.example.jp', [
    { organization: customer, role: 'member' },
    { organization: second, role: 'member' },
  ]);
  admin = await signedIn(t.app, 'admin@factor.example.jp');
  secondAdmin = await signedIn(t.app, 'admin2@factor.example.jp');
  for (const name of ['totp', 'multi']) {
    const client = await signedIn(t.app, `${name}@factor.example.jp`);
    secrets[name] = (await enrolTotp(client, clock.now())).secret;
  }
});
afterAll(() => t?.close());

describe('a certificate is the second factor only where the MFA policy allows it', () => {
  it('policy {requireMfa, allowedMethods:[totp]}: password + valid certificate still asks for TOTP; the session then carries the certificate', async () => {
    const cert = await issue(users.totp!.id);
    await setPolicy(admin, customer.id, totpOnly);
    const before = await sessionsOf(users.totp!.id);
    const { client, res } = await login(users.totp!.email, cert.pem);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'mfa_required', methods: ['totp', 'recovery'], preferred: 'totp' });
    expect(await sessionsOf(users.totp!.id)).toEqual(before);
    const attempt = await t.db
      .selectFrom('login_attempts')
      .select('certificate_id')
      .where('user_id', '=', users.totp!.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(attempt.certificate_id).toBe(cert.id);
    clock.advance(30_000);
    const verified = await client.post('/api/auth/mfa/verify', {
      method: 'totp',
      code: appCode(secrets.totp!, clock.now()),
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'signed_in', user: { email: users.totp!.email } });
    expect((await sessionsOf(users.totp!.id)).at(-1)).toEqual({ certificate_id: cert.id, revoked_at: null });
  });

  it('the user cannot pick the certificate as preferred method under that policy (409)', async () => {
    const { client } = await login(users.totp!.email);
    clock.advance(30_000);
    await client.post('/api/auth/mfa/verify', { method: 'totp', code: appCode(secrets.totp!, clock.now()) });
    const res = await client.put('/api/me/mfa/preferred', { method: 'certificate' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('mfa_method_unavailable');
  });

  it('a user whose method is certificate still needs it, and then the TOTP step (enrolment when no allowed factor is held)', async () => {
    await t.db
      .updateTable('users')
      .set({ mfa_method: 'certificate' })
      .where('id', '=', users.holder!.id)
      .execute();
    const cert = await issue(users.holder!.id);
    const without = await login(users.holder!.email);
    expect(without.res.statusCode).toBe(401);
    expect(without.res.json().error.code).toBe('invalid_credentials');
    const withIt = await login(users.holder!.email, cert.pem);
    expect(withIt.res.json()).toMatchObject({ status: 'mfa_enrolment_required' });
    expect((await sessionsOf(users.holder!.id)).at(-1)).toEqual({
      certificate_id: cert.id,
      revoked_at: null,
    });
  });

  it('where every organisation allows certificate, password + certificate signs in at once', async () => {
    await setPolicy(admin, customer.id, withCertificate);
    const cert = await issue(users.both!.id);
    const { res } = await login(users.both!.email, cert.pem);
    expect(res.json()).toMatchObject({ status: 'signed_in', user: { email: users.both!.email } });
    expect((await sessionsOf(users.both!.id)).at(-1)).toEqual({ certificate_id: cert.id, revoked_at: null });
    const plain = await login(users.both!.email);
    expect(plain.res.json()).toMatchObject({ status: 'mfa_enrolment_required' });
  });

  it('the strictest policy over the user’s organisations applies: one forbidding certificate means TOTP', async () => {
    const cert = await issue(users.multi!.id);
    await setPolicy(secondAdmin, second.id, { ...withCertificate, requireMfa: false });
    expect((await login(users.multi!.email, cert.pem)).res.json()).toMatchObject({ status: 'signed_in' });
    await setPolicy(secondAdmin, second.id, { ...totpOnly, requireMfa: false });
    expect((await login(users.multi!.email, cert.pem)).res.json()).toEqual({
      status: 'mfa_required',
      methods: ['totp', 'recovery'],
      preferred: 'totp',
    });
  });
});

describe('sessions opened with a certificate end with it', () => {
  it('revoking the certificate ends its sessions (and its pending login attempts), not the user’s others', async () => {
    await setPolicy(admin, customer.id, { ...withCertificate, requireMfa: false });
    const cert = await issue(users.both!.id, 'certificates/reissue');
    const viaCert = (await login(users.both!.email, cert.pem)).client;
    const plain = (await login(users.both!.email)).client;
    expect(await whoAmI(viaCert)).toBe(users.both!.email);
    const res = await admin.post(`/api/certificates/${cert.id}/revoke`);
    expect(res.statusCode).toBe(204);
    expect(await whoAmI(viaCert)).toBeNull();
    const mine = await viaCert.get('/api/me/certificates');
    expect(mine.statusCode).toBe(401);
    expect(await whoAmI(plain)).toBe(users.both!.email);
    const rows = await t.db
      .selectFrom('sessions')
      .select(['revoked_at'])
      .where('certificate_id', '=', cert.id)
      .execute();
    expect(rows).toEqual([{ revoked_at: clock.now() }]);
  });

  it('a login attempt started with a certificate revoked before the second step ends (401 login_expired)', async () => {
    const cert = await issue(users.totp!.id, 'certificates/reissue');
    await setPolicy(admin, customer.id, totpOnly);
    const { client, res } = await login(users.totp!.email, cert.pem);
    expect(res.json().status).toBe('mfa_required');
    expect((await admin.post(`/api/certificates/${cert.id}/revoke`)).statusCode).toBe(204);
    clock.advance(30_000);
    const verified = await client.post('/api/auth/mfa/verify', {
      method: 'totp',
      code: appCode(secrets.totp!, clock.now()),
    });
    expect(verified.statusCode).toBe(401);
    expect(verified.json().error.code).toBe('login_expired');
  });

  it('reissuing ends the sessions of the replaced certificate; the new one signs in', async () => {
    await setPolicy(admin, customer.id, { ...withCertificate, requireMfa: false });
    const old = await issue(users.both!.id, 'certificates/reissue');
    const viaOld = (await login(users.both!.email, old.pem)).client;
    const fresh = await issue(users.both!.id, 'certificates/reissue');
    expect(await whoAmI(viaOld)).toBeNull();
    expect(await lastAuditDetails(t.db, 'certificate.reissue')).toMatchObject({
      certificateId: fresh.id,
      revoked: 1,
      sessionsEnded: 1,
    });
    const viaNew = (await login(users.both!.email, fresh.pem)).client;
    expect(await whoAmI(viaNew)).toBe(users.both!.email);
  });

  it('a session opened with a certificate ends when the certificate expires', async () => {
    const cert = await issue(users.both!.id, 'certificates/reissue');
    const viaCert = (await login(users.both!.email, cert.pem)).client;
    const notAfter = await t.db
      .selectFrom('certificates')
      .select('not_after')
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    // Keep the session itself fresh: the idle and absolute limits are not what ends it.
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(notAfter.not_after.getTime() + 86_400_000) })
      .where('certificate_id', '=', cert.id)
      .execute();
    clock.set(new Date(notAfter.not_after.getTime() - 60_000));
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: clock.now() })
      .where('certificate_id', '=', cert.id)
      .execute();
    expect(await whoAmI(viaCert)).toBe(users.both!.email);
    clock.advance(120_000);
    expect(await whoAmI(viaCert)).toBeNull();
  });
});

describe('the client CA and its revocation list, for proxies', () => {
  it('GET /api/certificates/ca.pem: the client CA (not the server CA), to anyone', async () => {
    const res = await new TestClient(t.app).get('/api/certificates/ca.pem');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-pem-file');
    const client = await t.db
      .selectFrom('certificate_authorities')
      .select('certificate_pem')
      .where('purpose', '=', 'client')
      .executeTakeFirstOrThrow();
    expect(res.body).toBe(client.certificate_pem);
    expect(new x509.X509Certificate(res.body).subject).toBe('CN=Madoguchi Client CA');
  });

  it('GET /pki/client-ca.crl (DER) and .crl.pem: signed by the client CA, every revoked serial, nextUpdate in 7 days', async () => {
    const caPem = (await new TestClient(t.app).get('/api/certificates/ca.pem')).body;
    const ca = new x509.X509Certificate(caPem);
    const der = await t.app.inject({ url: '/pki/client-ca.crl' });
    expect(der.statusCode).toBe(200);
    expect(der.headers['content-type']).toBe('application/pkix-crl');
    const crl = new x509.X509Crl(new Uint8Array(der.rawPayload));
    expect(await crl.verify({ publicKey: ca.publicKey })).toBe(true);
    expect(crl.issuer).toBe('CN=Madoguchi Client CA');
    expect(crl.thisUpdate).toEqual(new Date(Math.floor(clock.now().getTime() / 1000) * 1000));
    expect(crl.nextUpdate!.getTime() - crl.thisUpdate.getTime()).toBe(7 * 86_400_000);
    const revoked = await t.db
      .selectFrom('certificates')
      .select('serial')
      .where('revoked_at', 'is not', null)
      .execute();
    const valid = await t.db
      .selectFrom('certificates')
      .select('serial')
      .where('revoked_at', 'is', null)
      .execute();
    expect(revoked.length).toBeGreaterThanOrEqual(4);
    const listed = crl.entries.map((e) => e.serialNumber.replace(/^0+/, '').toLowerCase());
    const norm = (s: string) => s.replace(/^0+/, '').toLowerCase();
    expect(listed.sort()).toEqual(revoked.map((r) => norm(r.serial)).sort());
    for (const v of valid) expect(listed).not.toContain(norm(v.serial));
    const pem = await t.app.inject({ url: '/pki/client-ca.crl.pem' });
    expect(pem.statusCode).toBe(200);
    expect(pem.headers['content-type']).toBe('application/x-pem-file');
    // The label OpenSSL (nginx ssl_crl) reads.
    expect(pem.body).toMatch(
      /^-----BEGIN X509 CRL-----\r?\n[A-Za-z0-9+/=\r\n]+-----END X509 CRL-----\r?\n?$/,
    );
    const fromPem = new x509.X509Crl(pem.body);
    expect(fromPem.entries).toHaveLength(crl.entries.length);
  });

  it('the routes are in the OpenAPI document with their media types', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/certificates/ca.pem'].get.responses['200'].content)).toEqual([
      'application/x-pem-file',
    ]);
    expect(Object.keys(doc.paths['/pki/client-ca.crl'].get.responses['200'].content)).toEqual([
      'application/pkix-crl',
    ]);
    expect(doc.paths['/pki/client-ca.crl.pem'].get.tags).toEqual(['certificates']);
  });
});
