import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createSmsTransport } from './transport.js';

/** The SMS provider adapter against a real local HTTP server, directly and through the outbox worker. */

type Received = { auth: string | undefined; type: string | undefined; body: { to: string; body: string } };

/** A provider that answers the given statuses in turn (then 200) and records what it got. */
async function startProvider(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body: JSON.parse(data),
      });
      res.statusCode = statuses.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('SMS provider adapter', () => {
  it('POSTs { to, body } as JSON with the bearer token; a non-2xx answer throws', async () => {
    const provider = await startProvider([503]);
    cleanups.push(provider.close);
    const sms = createSmsTransport({ url: provider.url, token: 'secret-token' });
    expect(sms.kind).toBe('http');
    await expect(sms.send({ to: '090-1234-5678', body: 'hello' })).rejects.toThrow(/503/);
    await sms.send({ to: '090-1234-5678', body: 'こんにちは' });
    expect(provider.received).toEqual([
      { auth: 'Bearer secret-token', type: 'application/json', body: { to: '090-1234-5678', body: 'hello' } },
      {
        auth: 'Bearer secret-token',
        type: 'application/json',
        body: { to: '090-1234-5678', body: 'こんにちは' },
      },
    ]);
  });

  it('without a provider URL messages stay in the built-in mailbox', async () => {
    expect(createSmsTransport({ url: undefined, token: undefined }).kind).toBe('mailbox');
  });

  it('the outbox worker delivers a queued SMS through the provider, retrying after a failure', async () => {
    const provider = await startProvider([500]);
    cleanups.push(provider.close);
    const t: TestApp = await startTestApp({
      worker: true,
      env: { SMS_PROVIDER_URL: provider.url, SMS_PROVIDER_TOKEN: 'tok-1' },
    });
    cleanups.push(t.close);
    const tenant = await makeTenant(t.db, 'SMS配信テスト');
    await makeUser(t.db, 'sms-user@example.jp', [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
    ]);
    const c = await signedIn(t.app, 'sms-user@example.jp');
    await c.post('/api/me/reauth', { password: TEST_PASSWORD });
    expect((await c.post('/api/me/mobile/verification', { mobile: '090-9876-5432' })).statusCode).toBe(202);
    const row = await waitFor(async () => {
      const r = await t.db.selectFrom('outbox').selectAll().where('channel', '=', 'sms').executeTakeFirst();
      return r?.status === 'sent' ? r : undefined;
    });
    expect(row.attempts).toBe(2);
    expect(provider.received).toHaveLength(2);
    expect(provider.received[1]).toMatchObject({
      auth: 'Bearer tok-1',
      body: { to: '090-9876-5432', body: row.body },
    });
    expect(row.body).toMatch(/確認コード: \d{6}/);
  });

  it('without a provider and with the mailbox off an SMS fails, naming SMS_PROVIDER_URL, instead of being marked sent', async () => {
    const t: TestApp = await startTestApp({ worker: true, env: { MAILBOX: 'off', OUTBOX_RETRY_LIMIT: '0' } });
    cleanups.push(t.close);
    const tenant = await makeTenant(t.db, 'SMS未設定テスト');
    await makeUser(t.db, 'no-sms@example.jp', [
      { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
    ]);
    const c = await signedIn(t.app, 'no-sms@example.jp');
    await c.post('/api/me/reauth', { password: TEST_PASSWORD });
    expect((await c.post('/api/me/mobile/verification', { mobile: '090-1111-2222' })).statusCode).toBe(202);
    const row = await waitFor(async () => {
      const r = await t.db.selectFrom('outbox').selectAll().where('channel', '=', 'sms').executeTakeFirst();
      return r?.status === 'failed' ? r : undefined;
    });
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      sent_at: null,
      last_error: 'Error: no SMS provider: SMS_PROVIDER_URL is unset and MAILBOX is off',
    });
  });
});
