import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12 } from '../../test/certificates.js';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { x509 } from './x509.js';

let t: TestApp;
let customer: { id: string; tenant_id: string | null };
let admin: TestClient;
let holder: { id: string };
let otherAdmin: TestClient;
let member: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  await makeOperator(t.db);
  const tenant = await makeTenant(t.db);
  customer = await makeCustomer(t.db, tenant.id, '日本顧客株式会社');
  const other = await makeCustomer(t.db, tenant.id, '別顧客株式会社');
  await makeUser(t.db, 'admin@cert.example.jp', [{ organization: customer, role: 'admin' }]);
  holder = await makeUser(t.db, 'holder@cert.example.jp', [{ organization: customer, role: 'member' }], {
    name: '山田 太郎',
  });
  await makeUser(t.db, 'other@cert.example.jp', [{ organization: other, role: 'admin' }]);
  admin = await signedIn(t.app, 'admin@cert.example.jp');
  otherAdmin = await signedIn(t.app, 'other@cert.example.jp');
  member = await signedIn(t.app, 'holder@cert.example.jp');
});
afterAll(() => t?.close());

describe('client certificates (ID-15)', () => {
  let first: { id: string; serial: string; fingerprint: string; p12Base64: string; p12Password: string };

  it('an admin issues a PKCS#12 (RSA 2048, UTF-8 Japanese name, e-mail, organisation) with a one-time password', async () => {
    const res = await admin.post(`/api/users/${holder.id}/certificates`);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    first = res.json();
    expect(first.p12Password).toMatch(/^[A-Za-z0-9]{16}$/);
    const opened = openPkcs12(first.p12Base64, first.p12Password);
    expect(opened.subject).toEqual([
      { name: 'CN', value: '山田 太郎', valueTagClass: 12 },
      { name: 'E', value: 'holder@cert.example.jp', valueTagClass: 22 },
      { name: 'O', value: '日本顧客株式会社', valueTagClass: 12 },
    ]);
    const cert = new x509.X509Certificate(opened.certificatePem);
    expect((cert.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    expect(cert.serialNumber).toBe(first.serial);
    expect(opened.chainPems).toHaveLength(2);
    const ca = new x509.X509Certificate(opened.chainPems.find((p) => p !== opened.certificatePem)!);
    expect(ca.subject).toBe('CN=Madoguchi Client CA');
    expect(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    expect(() => openPkcs12(first.p12Base64, 'wrong-password')).toThrow();
  });

  it('lists serial, fingerprint, subject, issued, expires and revoked; the password is never stored', async () => {
    const res = await admin.get(`/api/users/${holder.id}/certificates`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toEqual({
      id: first.id,
      serial: first.serial,
      fingerprint: first.fingerprint,
      subject: 'CN=山田 太郎, E=holder@cert.example.jp, O=日本顧客株式会社',
      issuedAt: expect.any(String),
      expiresAt: expect.any(String),
      revokedAt: null,
    });
    expect(item.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const days = (Date.parse(item.expiresAt) - Date.parse(item.issuedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
    const row = await t.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(first.p12Password);
    const ca = await t.db.selectFrom('certificate_authorities').selectAll().executeTakeFirstOrThrow();
    expect(ca.encrypted_key).not.toContain('PRIVATE KEY');
  });

  it('the holder sees their own certificates', async () => {
    const res = await member.get('/api/me/certificates');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([first.id]);
  });

  it('a reissue revokes every earlier certificate at once', async () => {
    const second = (await admin.post(`/api/users/${holder.id}/certificates`)).json();
    const res = await admin.post(`/api/users/${holder.id}/certificates/reissue`);
    expect(res.statusCode).toBe(201);
    const third = res.json();
    const items = (await admin.get(`/api/users/${holder.id}/certificates`)).json().items;
    expect(items.map((i: { id: string; revokedAt: string | null }) => [i.id, i.revokedAt !== null])).toEqual([
      [third.id, false],
      [second.id, true],
      [first.id, true],
    ]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', 'certificate.reissue')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ certificateId: third.id, revoked: 2 });
  });

  it('revokes one certificate; revoking again changes nothing', async () => {
    const issued = (await admin.post(`/api/users/${holder.id}/certificates`)).json();
    expect((await admin.post(`/api/certificates/${issued.id}/revoke`)).statusCode).toBe(204);
    const before = await countRows(t.db);
    expect((await admin.post(`/api/certificates/${issued.id}/revoke`)).statusCode).toBe(204);
    expect(await countRows(t.db)).toEqual(before);
    const row = await t.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(row.revocation_reason).toBe('revoked');
  });

  it("another organisation's admin gets 404 and a member 403, and nothing is written", async () => {
    const before = await countRows(t.db);
    const certs = await t.db.selectFrom('certificates').select('id').execute();
    expect((await otherAdmin.post(`/api/users/${holder.id}/certificates`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/users/${holder.id}/certificates/reissue`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/users/${holder.id}/certificates`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/certificates/${first.id}/revoke`)).statusCode).toBe(404);
    expect((await member.post(`/api/users/${holder.id}/certificates`)).statusCode).toBe(403);
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.selectFrom('certificates').select('id').execute()).toEqual(certs);
  });

  it('a disabled member gets no certificate (409)', async () => {
    await t.db
      .updateTable('memberships')
      .set({ status: 'disabled' })
      .where('user_id', '=', holder.id)
      .execute();
    const res = await admin.post(`/api/users/${holder.id}/certificates`);
    expect(res.statusCode).toBe(409);
    await t.db
      .updateTable('memberships')
      .set({ status: 'active' })
      .where('user_id', '=', holder.id)
      .execute();
  });
});
