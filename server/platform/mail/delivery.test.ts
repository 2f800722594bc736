import { afterEach, describe, expect, it } from 'vitest';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import { startSmtpPeer } from '../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp | undefined;
const peers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await t?.close();
  for (const p of peers.splice(0)) await p.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not reached in time');
}

/** Signs in as an operator admin and invites the first admin of a new tenant. */
async function inviteTenantAdmin(app: TestApp, email: string) {
  const operator = await makeOperator(app.db);
  const tenant = await makeTenant(app.db, 'メール配信テスト販売');
  await makeUser(app.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  const c = new TestClient(app.app);
  await c.login('op@example.jp', TEST_PASSWORD);
  const res = await c.post(`/api/operator/tenants/${tenant.id}/invitations`, { email });
  expect(res.statusCode).toBe(201);
  return tenant;
}

const outboxRow = (app: TestApp) => app.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();

describe('mail delivery over SMTP', () => {
  it('delivers the invitation mail with the tenant ID, name and link', async () => {
    const peer = await startSmtpPeer();
    peers.push(peer);
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${peer.port}` } });
    const tenant = await inviteTenantAdmin(t, 'first-admin@example.jp');

    const mail = await waitFor(async () => peer.received[0]);
    expect(mail.to).toEqual(['first-admin@example.jp']);
    expect(mail.from).toBe('no-reply@madoguchi.example');
    expect(mail.subject).toBe('【Madoguchi】新規ユーザ登録のお願い');
    expect(mail.text).toContain(`テナント ID : ${tenant.code}`);
    expect(mail.text).toContain('テナント名 : メール配信テスト販売');
    expect(mail.text).toMatch(/http:\/\/portal\.test\/invitations\/[A-Za-z0-9_-]{43}/);

    const row = await waitFor(async () => {
      const r = await outboxRow(t!);
      return r.status === 'sent' ? r : undefined;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(peer.received).toHaveLength(1);
  });

  it('keeps retrying while the SMTP peer is down and delivers once it is back', async () => {
    const probe = await startSmtpPeer();
    const port = probe.port;
    await probe.close(); // nothing listens on this port now
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    await inviteTenantAdmin(t, 'patient@example.jp');

    const failed = await waitFor(async () => {
      const r = await outboxRow(t!);
      return r.attempts >= 2 ? r : undefined;
    });
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toMatch(/ECONNREFUSED/);

    const peer = await startSmtpPeer(port);
    peers.push(peer);
    const mail = await waitFor(async () => peer.received[0], 30_000);
    expect(mail.to).toEqual(['patient@example.jp']);
    const sent = await waitFor(async () => {
      const r = await outboxRow(t!);
      return r.status === 'sent' ? r : undefined;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(sent.last_error).toBeNull();
    expect(peer.received).toHaveLength(1);
  });

  it('writes no mail when the change that causes it fails', async () => {
    t = await startTestApp();
    const operator = await makeOperator(t.db);
    await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
    const c = new TestClient(t.app);
    await c.login('op@example.jp', TEST_PASSWORD);
    const res = await c.post('/api/operator/tenants/999999/invitations', { email: 'x@example.jp' });
    expect(res.statusCode).toBe(404);
    expect(await t.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });
});
