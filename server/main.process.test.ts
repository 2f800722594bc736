import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from './test/global-setup.js';
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
      DATABASE_URL: databaseUrl,
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
    const env = { DATABASE_URL: databaseUrl, MAILBOX: 'on' };

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
