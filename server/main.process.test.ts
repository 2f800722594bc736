import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { createDb } from './db/pool.js';
import { systemClock } from './platform/clock.js';
import { startJobs } from './platform/jobs.js';
import { insertOutbox } from './platform/mail/outbox.js';
import { OUTBOX_ATTEMPT_SECONDS, queuesFor } from './runtime.js';
import { installationEnv } from './test/database.js';
import { withDatabase } from './test/global-setup.js';
import { startSmtpPeer } from './test/smtp-peer.js';
import { runTool, type ServerProcess, spawnServer } from './test/spawn-server.js';

const dataDir = mkdtempSync(path.resolve('.data/proc-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A tiny browser: cookies + CSRF header over real HTTP. */
async function session(base: string) {
  const jar = new Map<string, string>();
  const call = async (method: string, url: string, body?: unknown) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(base + url, {
      method,
      headers: {
        cookie,
        ...(body ? { 'content-type': 'application/json' } : {}),
        'x-csrf-token': jar.get('mg_csrf') ?? '',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v ?? '');
    }
    return res;
  };
  await call('GET', '/api/session');
  return call;
}

const demoEnv = { DATA_DIR: dataDir, DEMO_PASSWORD: 'Process-Test-Pass1!', SHUTDOWN_GRACE_SECONDS: '1' };

/** A stop is clean: no error-level log line, PostgreSQL never cut the app's connections. */
function expectCleanStop(output: string) {
  expect(output).not.toMatch(/terminating connection|administrator command/);
  expect(output).not.toMatch(/"level":(50|60)/);
  expect(output).not.toContain('shutdown took too long');
}

describe('the demo process', () => {
  it('keeps its data across a kill -9 and a restart, then stops cleanly on SIGTERM', async () => {
    const first = await spawnServer(demoEnv);
    running.push(first);
    expect(first.output()).toContain('operator@madoguchi.example');
    expect(first.output()).toContain('/mailbox');
    expect(first.output()).toContain('public: anyone who can reach this address reads every mail');
    let call = await session(first.url);
    expect(
      (
        await call('POST', '/api/auth/login', {
          email: 'operator@madoguchi.example',
          password: demoEnv.DEMO_PASSWORD,
        })
      ).status,
    ).toBe(200);
    const created = await call('POST', '/api/operator/tenants', { name: '再起動テスト販売' });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL'); // no clean shutdown: PostgreSQL is orphaned, postmaster.pid stays
    await first.exited;
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(true);

    const second = await spawnServer(demoEnv);
    running.push(second);
    call = await session(second.url);
    await call('POST', '/api/auth/login', {
      email: 'operator@madoguchi.example',
      password: demoEnv.DEMO_PASSWORD,
    });
    const list = await (await call('GET', '/api/operator/tenants?q=再起動')).json();
    expect(list.items.map((t: { name: string }) => t.name)).toEqual(['再起動テスト販売']);
    // The demo data was seeded once, not again.
    const all = await (await call('GET', '/api/operator/tenants')).json();
    expect(all.total).toBe(3);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);
    expectCleanStop(second.output());
  });

  it("stops cleanly on the terminal's Ctrl-C, which reaches its whole process group", async () => {
    const server = await spawnServer(demoEnv, { processGroup: true });
    running.push(server);
    const call = await session(server.url);
    const login = await call('POST', '/api/auth/login', {
      email: 'operator@madoguchi.example',
      password: demoEnv.DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    process.kill(-server.child.pid!, 'SIGINT');
    expect(await server.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);
    expectCleanStop(server.output());
  });

  it('refuses to serve the mailbox on a PUBLIC_URL other people reach, naming the settings', async () => {
    const result = await runTool('server/main.ts', [], {
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://portal.example.jp',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('MAILBOX: the mailbox (/mailbox');
    expect(result.output).toContain('MAILBOX_ALLOW_PUBLIC=on');
  });

  it('refuses to run as a role that bypasses row-level security (a superuser as DATABASE_URL)', async () => {
    const databaseUrl = await freshDatabase('proc_superuser');
    const result = await runTool('server/main.ts', [], {
      DATABASE_URL: databaseUrl,
      MAILBOX: 'on',
      DATA_DIR: dataDir,
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'a superuser or a role with BYPASSRLS: row-level security would not apply',
    );
  });

  it('refuses to start with a bad configuration value and names it', async () => {
    const result = await runTool('server/main.ts', [], { PORT: 'eighty', DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT');
  });
});

/** An empty database on the test cluster, made anew for each run. */
async function freshDatabase(name: string) {
  const adminUrl = inject('pgAdminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

describe('an installation with DATABASE_URL', () => {
  it('refuses to start without a mail transport, naming SMTP_URL and MAILBOX', async () => {
    const result = await runTool('server/main.ts', [], {
      DATABASE_URL: withDatabase(inject('pgAdminUrl'), 'never_connected'),
      SMTP_URL: '',
      MAILBOX: '',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('SMTP_URL: unset and MAILBOX is off');
  });

  it('on SIGTERM answers /readyz 503 for SHUTDOWN_GRACE_SECONDS while serving everything else, then exits 0', async () => {
    const databaseUrl = await freshDatabase('proc_drain');
    const server = await spawnServer({
      ...installationEnv(databaseUrl),
      MAILBOX: 'on',
      SHUTDOWN_GRACE_SECONDS: '3',
    });
    running.push(server);
    const call = await session(server.url); // one keep-alive client, as a proxy holds them
    expect((await call('GET', '/readyz')).status).toBe(200);

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting_down' });
    // Requests still arriving on open connections (and new ones) are served, not refused.
    const during = await Promise.all(
      Array.from({ length: 16 }, (_, i) => call('GET', i % 2 ? '/healthz' : '/api/session')),
    );
    expect(during.map((r) => r.status)).toEqual(Array(16).fill(200));
    expect(Date.now() - signalled).toBeLessThan(3000);

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(3000);
    expectCleanStop(server.output());
  });

  it('seeds nothing, and create-operator prints a one-time link that sets the first admin password', async () => {
    const databaseUrl = await freshDatabase('proc_install');
    const env = { ...installationEnv(databaseUrl), MAILBOX: 'on' };

    const server = await spawnServer(env);
    running.push(server);
    expect(server.output()).not.toContain('Demo logins');
    const call = await session(server.url);
    const denied = await call('POST', '/api/auth/login', {
      email: 'operator@madoguchi.example',
      password: 'Process-Test-Pass1!',
    });
    expect(denied.status).toBe(401);

    const tool = await runTool('tools/create-operator.ts', ['--email', 'root@example.jp'], {
      ...env,
      PUBLIC_URL: server.url,
    });
    expect(tool.code).toBe(0);
    const link = /(http:\/\/\S+\/invitations\/([A-Za-z0-9_-]+))/.exec(tool.output);
    expect(link).not.toBeNull();
    const token = link![2]!;
    expect((await call('GET', `/api/invitations/${token}`)).status).toBe(200);
    const accepted = await call('POST', `/api/invitations/${token}/accept`, {
      name: '初代　管理者',
      password: 'First-Operator-Pass1!',
      passwordConfirm: 'First-Operator-Pass1!',
    });
    expect(accepted.status).toBe(200);
    const login = await call('POST', '/api/auth/login', {
      email: 'root@example.jp',
      password: 'First-Operator-Pass1!',
    });
    expect(login.status).toBe(200);
    expect((await login.json()).current).toMatchObject({ kind: 'operator', role: 'operator_admin' });

    const usage = await runTool('tools/create-operator.ts', [], env);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('--email');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).toContain('create-operator');
  });
});

describe('a delivery cut short by kill -9', () => {
  it('is retried once its attempt expires (bounded by the SMTP timeouts), not after 15 minutes', async () => {
    const databaseUrl = await freshDatabase('proc_killed_delivery');
    // An SMTP server that accepts the connection and never greets: the attempt hangs in flight.
    const sockets: Socket[] = [];
    const stall = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const stallPort = (stall.address() as { port: number }).port;
    const env = { ...installationEnv(databaseUrl), OUTBOX_RETRY_DELAY_SECONDS: '1' };

    const first = await spawnServer({ ...env, SMTP_URL: `smtp://127.0.0.1:${stallPort}` });
    running.push(first);
    // Queue one mail the way every use case does: the outbox row and its job in one transaction.
    const log = pino({ level: 'silent' });
    const { db } = createDb(databaseUrl, log, 2);
    const jobs = await startJobs(databaseUrl, queuesFor(loadConfig(env)), log);
    const outboxId = await db.transaction().execute((trx) =>
      insertOutbox(
        trx,
        { clock: systemClock, jobs },
        {
          channel: 'mail',
          to: 'killed@example.jp',
          locale: 'ja',
          template: 'test',
          subject: '中断された配信',
          body: '本文',
        },
      ),
    );
    await jobs.stop();
    const until = Date.now() + 20_000;
    while (sockets.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(sockets).toHaveLength(1); // the attempt is under way

    first.child.kill('SIGKILL');
    await first.exited;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => stall.close(() => resolve()));
    const killedAt = Date.now();

    const peer = await startSmtpPeer();
    try {
      const second = await spawnServer({ ...env, SMTP_URL: `smtp://127.0.0.1:${peer.port}` });
      running.push(second);
      while (peer.received.length === 0 && Date.now() - killedAt < 150_000)
        await new Promise((r) => setTimeout(r, 500));
      expect(peer.received.map((m) => m.subject)).toEqual(['中断された配信']);
      // The attempt's expiry plus pg-boss's 30-second check and the retry delay, with slack.
      expect(Date.now() - killedAt).toBeLessThan((OUTBOX_ATTEMPT_SECONDS + 30 + 30) * 1000);
      const row = await db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', outboxId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, body: '本文' });
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await peer.close();
      await db.destroy();
    }
  }, 200_000);
});
