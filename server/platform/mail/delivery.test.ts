import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { OUTBOX_ATTEMPT_SECONDS, queuesFor, startOutboxWorker } from '../../runtime.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import { startSmtpPeer } from '../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { type Jobs, startJobs } from '../jobs.js';
import { sweepOutbox } from './sweep.js';
import { createMailTransport } from './transport.js';

let t: TestApp | undefined;
const peers: { close: () => Promise<void> }[] = [];
const extraJobs: Jobs[] = [];
afterEach(async () => {
  for (const j of extraJobs.splice(0)) await j.stop();
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
const rowIn = (app: TestApp, status: string) =>
  waitFor(async () => {
    const r = await outboxRow(app);
    return r.status === status ? r : undefined;
  }, 40_000);
const deliveryJobs = async (app: TestApp) =>
  (
    await sql<{
      state: string;
      retry_count: number;
      retry_limit: number;
      retry_delay: number;
      expire: number;
    }>`
      SELECT state, retry_count, retry_limit, retry_delay, extract(epoch FROM expire_in)::int AS expire
      FROM pgboss.job WHERE name = 'outbox-deliver' ORDER BY created_on`.execute(app.db)
  ).rows;
/** An SMTP address where nothing listens. */
async function deadSmtpUrl() {
  const probe = await startSmtpPeer();
  await probe.close();
  return { url: `smtp://127.0.0.1:${probe.port}`, port: probe.port };
}
const INVITATION_LINK = /http:\/\/portal\.test\/invitations\/([A-Za-z0-9_-]{43})/;

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

describe('one-time links in the outbox', () => {
  it('keeps no usable token once a mail left over SMTP; the delivered link still works', async () => {
    const peer = await startSmtpPeer();
    peers.push(peer);
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${peer.port}` } });
    await inviteTenantAdmin(t, 'redacted@example.jp');

    const mail = await waitFor(async () => peer.received[0]);
    const token = INVITATION_LINK.exec(mail.text)![1]!;
    const row = await rowIn(t, 'sent');
    expect(row.body).not.toContain(token);
    expect(row.body).toContain('http://portal.test/invitations/[redacted]');
    // Only the token went: the rest of the stored mail is what was delivered.
    expect(row.body).toBe(mail.text.replace(/\r\n/g, '\n').replace(token, '[redacted]'));

    const anonymous = new TestClient(t.app);
    const shown = await anonymous.get(`/api/invitations/${token}`);
    expect(shown.statusCode).toBe(200);
    const stored = await anonymous.get('/api/invitations/[redacted]');
    expect(stored.statusCode).toBe(400); // not even the shape of a token
  });

  it('keeps the link readable when the built-in mailbox is the transport', async () => {
    t = await startTestApp({ worker: true });
    await inviteTenantAdmin(t, 'mailbox@example.jp');
    const row = await rowIn(t, 'sent');
    const token = INVITATION_LINK.exec(row.body)![1]!;
    const page = await new TestClient(t.app).get('/mailbox?to=mailbox@example.jp');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<a href="http://portal.test/invitations/${token}">http://portal.test/invitations/${token}</a>`,
    );
    expect((await new TestClient(t.app).get(`/api/invitations/${token}`)).statusCode).toBe(200);
  });
});

describe('the outbox row follows its job', () => {
  it("fails with the job's last attempt (redacted), instead of staying pending", async () => {
    const smtp = await deadSmtpUrl();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_RETRY_LIMIT: '1' } });
    await inviteTenantAdmin(t, 'gives-up@example.jp');

    const row = await rowIn(t, 'failed');
    expect(row).toMatchObject({ status: 'failed', attempts: 2, sent_at: null });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    expect(row.body).toContain('http://portal.test/invitations/[redacted]');
    expect(row.body).not.toMatch(INVITATION_LINK);
    const jobs = await waitFor(async () => {
      const j = await deliveryJobs(t!);
      return j[0]?.state === 'failed' ? j : undefined;
    });
    expect(jobs).toEqual([
      { state: 'failed', retry_count: 1, retry_limit: 1, retry_delay: 1, expire: OUTBOX_ATTEMPT_SECONDS },
    ]);
  });

  it('takes new retry settings at every start, for the queue and the jobs already waiting', async () => {
    // First start: a retry limit of 1; the invitation's job is queued with it.
    t = await startTestApp({ env: { OUTBOX_RETRY_LIMIT: '1', OUTBOX_RETRY_DELAY_SECONDS: '1' } });
    await inviteTenantAdmin(t, 'restart@example.jp');
    expect(await deliveryJobs(t)).toEqual([
      { state: 'created', retry_count: 0, retry_limit: 1, retry_delay: 1, expire: OUTBOX_ATTEMPT_SECONDS },
    ]);

    // Restart with a limit of 3 and nothing listening for SMTP.
    const smtp = await deadSmtpUrl();
    const url = t.deps.config.databaseOwnerUrl!;
    const config = loadConfig({
      DATABASE_URL: t.deps.config.databaseUrl,
      PUBLIC_URL: 'http://portal.test',
      SMTP_URL: smtp.url,
      OUTBOX_RETRY_LIMIT: '3',
      OUTBOX_RETRY_DELAY_SECONDS: '1',
      LOG_LEVEL: 'silent',
    });
    const jobs = await startJobs(url, queuesFor(config), t.deps.log);
    extraJobs.push(jobs);
    const queue = await jobs.boss.getQueue('outbox-deliver');
    expect(queue).toMatchObject({ retryLimit: 3, retryDelay: 1, expireInSeconds: OUTBOX_ATTEMPT_SECONDS });
    expect((await deliveryJobs(t))[0]).toMatchObject({ state: 'created', retry_limit: 3 });

    const transport = createMailTransport(config.smtpUrl);
    await startOutboxWorker({ ...t.deps, config, jobs }, transport);
    const row = await rowIn(t, 'failed');
    transport.close();
    expect(row).toMatchObject({ status: 'failed', attempts: 4 });
    const done = await waitFor(async () => {
      const j = await deliveryJobs(t!);
      return j[0]?.state === 'failed' ? j : undefined;
    });
    expect(done).toEqual([
      { state: 'failed', retry_count: 3, retry_limit: 3, retry_delay: 1, expire: OUTBOX_ATTEMPT_SECONDS },
    ]);
  });

  it('bounds one attempt by the SMTP timeouts, not by the 15 minutes of the job queue', () => {
    expect(OUTBOX_ATTEMPT_SECONDS).toBe(50); // 10 s connect + 10 s greeting + 20 s idle socket + 10 s
  });
});

describe('the outbox sweeper', () => {
  it('queues a pending message again when its job ended without it, once', async () => {
    t = await startTestApp();
    await inviteTenantAdmin(t, 'orphan@example.jp');
    const row = await outboxRow(t);
    // The job ended (an attempt lost to a kill -9 on its last retry) while the row stayed pending.
    await sql`UPDATE pgboss.job SET state = 'failed' WHERE name = 'outbox-deliver'`.execute(t.db);

    expect(await sweepOutbox(t.deps, 30)).toEqual({ requeued: [row.id], purged: 0 });
    expect((await deliveryJobs(t)).map((j) => j.state)).toEqual(['failed', 'created']);
    expect(await sweepOutbox(t.deps, 30)).toEqual({ requeued: [], purged: 0 });
    expect((await deliveryJobs(t)).map((j) => j.state)).toEqual(['failed', 'created']);
  });

  it('deletes sent and failed messages older than the retention period', async () => {
    t = await startTestApp();
    const day = 86_400_000;
    const now = Date.now();
    const message = async (status: 'sent' | 'failed', createdDaysAgo: number, sentDaysAgo: number | null) => {
      const { id } = await t!.db
        .insertInto('outbox')
        .values({
          channel: 'mail',
          recipient: `${status}-${createdDaysAgo}@example.jp`,
          locale: 'ja',
          template: 'invitation',
          subject: '件名',
          body: '本文',
          created_at: new Date(now - createdDaysAgo * day),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sentAt = sentDaysAgo === null ? null : new Date(now - sentDaysAgo * day);
      await t!.db.updateTable('outbox').set({ status, sent_at: sentAt }).where('id', '=', id).execute();
    };
    await message('sent', 32, 31); // gone
    await message('sent', 40, 29); // sent within the period: kept
    await message('failed', 31, null); // gone
    await message('failed', 29, null); // kept

    expect(await sweepOutbox(t.deps, 30)).toEqual({ requeued: [], purged: 2 });
    const left = await t.db.selectFrom('outbox').select('recipient').orderBy('recipient').execute();
    expect(left.map((r) => r.recipient)).toEqual(['failed-29@example.jp', 'sent-40@example.jp']);
  });
});
