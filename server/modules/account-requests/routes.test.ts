import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { openPkcs12 } from '../../test/certificates.js';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, latestMailTo, signedIn, validationError } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
const ADMIN = 'admin@procedure.example.jp';
/** The other admin whose password the first one asks to reset. */
const ADMIN2 = 'admin2@procedure.example.jp';

let t: TestApp;
let customerAdmin: TestClient;
let operator: TestClient;
let partnerAdmin: TestClient;
let adminId: string;
let admin2Id: string;
let supportId: string;

const linkIn = (body: string) => /\/downloads\/([A-Za-z0-9_-]{43})/.exec(body)![1]!;

beforeAll(async () => {
  t = await startTestApp({ clock });
  const op = await makeOperator(t.db);
  const tenant = await makeTenant(t.db);
  const customer = await makeCustomer(t.db, tenant.id);
  adminId = (await makeUser(t.db, ADMIN, [{ organization: customer, role: 'admin' }])).id;
  admin2Id = (await makeUser(t.db, ADMIN2, [{ organization: customer, role: 'admin' }])).id;
  await makeUser(t.db, 'support@procedure.example.jp', [{ organization: op, role: 'support_agent' }]);
  await makeUser(t.db, 'partner@procedure.example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
  ]);
  customerAdmin = await signedIn(t.app, ADMIN);
  operator = await signedIn(t.app, 'support@procedure.example.jp');
  partnerAdmin = await signedIn(t.app, 'partner@procedure.example.jp');
});
afterAll(() => t?.close());

describe('account procedures (ID-16, 004 §3-4, §3-5)', () => {
  it('a customer admin sees the organisation’s support ID, the same every time', async () => {
    const res = await customerAdmin.get('/api/organization/support-id');
    expect(res.statusCode).toBe(200);
    supportId = res.json().supportId;
    expect(supportId).toMatch(/^SUP-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect((await customerAdmin.get('/api/organization/support-id')).json().supportId).toBe(supportId);
    expect((await partnerAdmin.get('/api/organization/support-id')).statusCode).toBe(403);
  });

  it('a wrong support ID is a field error and nothing is written', async () => {
    const before = await countRows(t.db);
    const res = await customerAdmin.post('/api/account-requests', {
      kind: 'reset_admin_password',
      supportId: 'SUP-00000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validationError({ supportId: ['サポート ID が正しくありません。'] }));
    expect(await countRows(t.db)).toEqual(before);
  });

  it('reset admin password: received → in progress → done; the temporary password comes once through a 7-day link', async () => {
    const created = await customerAdmin.post('/api/account-requests', {
      kind: 'reset_admin_password',
      supportId: supportId.toLowerCase(),
      targetUserId: admin2Id,
    });
    expect(created.statusCode).toBe(201);
    const { id, status } = created.json();
    expect(status).toBe('received');
    const mine = (await customerAdmin.get('/api/account-requests')).json().items;
    expect(mine[0]).toMatchObject({ id, kind: 'reset_admin_password', status: 'received', businessDays: 5 });

    const queue = (await operator.get('/api/operator/account-requests')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toContain(id);
    expect((await customerAdmin.get('/api/operator/account-requests')).statusCode).toBe(403);

    expect((await operator.post(`/api/operator/account-requests/${id}/start`)).json().status).toBe(
      'in_progress',
    );
    expect((await operator.post(`/api/operator/account-requests/${id}/start`)).statusCode).toBe(409);
    const done = await operator.post(`/api/operator/account-requests/${id}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedAt: expect.any(String) });
    expect((await operator.post(`/api/operator/account-requests/${id}/complete`)).statusCode).toBe(409);

    const mail = await latestMailTo(t.db, ADMIN2);
    expect(mail.template).toBe('account-download');
    const token = linkIn(mail.body);
    const anonymous = new TestClient(t.app);
    const shown = await anonymous.get(`/api/downloads/${token}`);
    expect(shown.json()).toEqual({
      kind: 'temporary_password',
      fileName: null,
      expiresAt: '2026-06-08T00:00:00.000Z',
    });
    const got = await anonymous.post(`/api/downloads/${token}/download`);
    expect(got.statusCode).toBe(200);
    const { temporaryPassword } = got.json();
    expect((await anonymous.post(`/api/downloads/${token}/download`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/downloads/${token}`)).statusCode).toBe(404);

    const session = await new TestClient(t.app).login(ADMIN2, temporaryPassword);
    expect(session.pendingActions).toContain('changePassword');
  });

  it('reissue certificate: the old certificate is revoked, the PKCS#12 comes by link and its password by another mail', async () => {
    const old = await customerAdmin.post(`/api/users/${adminId}/certificates`);
    expect(old.statusCode).toBe(201);
    const { id } = (
      await customerAdmin.post('/api/account-requests', { kind: 'reissue_certificate', supportId })
    ).json();
    const done = await operator.post(`/api/operator/account-requests/${id}/complete`);
    expect(done.statusCode).toBe(200);
    const mails = await t.db
      .selectFrom('outbox')
      .select(['template', 'body'])
      .where('recipient', '=', ADMIN)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(mails.map((m) => m.template).sort()).toEqual(['account-download', 'certificate-password']);
    const password = /(?:パスワード|Password) ?: ?(\S+)/.exec(
      mails.find((m) => m.template === 'certificate-password')!.body,
    )![1]!;
    const token = linkIn(mails.find((m) => m.template === 'account-download')!.body);
    const file = await new TestClient(t.app).post(`/api/downloads/${token}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/x-pkcs12');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="madoguchi-[0-9a-f]+\.p12"$/);
    const opened = openPkcs12(file.rawPayload.toString('base64'), password);
    expect(opened.certificatePem).toContain('BEGIN CERTIFICATE');
    const certs = (await customerAdmin.get(`/api/users/${adminId}/certificates`)).json().items;
    expect(certs.map((c: { revokedAt: string | null }) => c.revokedAt === null)).toEqual([true, false]);
  });

  it('a download link ends after 7 days', async () => {
    const { id } = (
      await customerAdmin.post('/api/account-requests', {
        kind: 'reset_admin_password',
        supportId,
        targetUserId: admin2Id,
      })
    ).json();
    await operator.post(`/api/operator/account-requests/${id}/complete`);
    const token = linkIn((await latestMailTo(t.db, ADMIN2)).body);
    clock.advance(7 * 86_400_000 + 1000);
    expect((await new TestClient(t.app).get(`/api/downloads/${token}`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).post(`/api/downloads/${token}/download`)).statusCode).toBe(404);
  });
});
