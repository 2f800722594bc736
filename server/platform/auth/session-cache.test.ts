import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { makeTenant, makeUser } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Signed-in sessions are kept in each process's memory, and every change that a session lookup
 * depends on reaches every process at once: two app instances on one database stand for two
 * processes (each has its own cache and its own LISTEN connection).
 */
let t: TestApp;
let second: FastifyInstance;
let tenantId: string;

beforeAll(async () => {
  t = await startTestApp();
  second = await buildApp(t.deps, { webRoot: '/nonexistent' });
  await second.ready();
  tenantId = (await makeTenant(t.db)).id;
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

/** The same browser (its cookies) talking to the other process. */
function sameBrowserOn(app: FastifyInstance, client: TestClient): TestClient {
  const other = new TestClient(app);
  Object.assign(other, { cookies: (client as unknown as { cookies: Map<string, string> }).cookies });
  return other;
}

/** Polls until `check` holds (another process learns by LISTEN/NOTIFY, within milliseconds). */
async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

const sessionUser = async (client: TestClient) =>
  (await client.get('/api/session')).json().user?.email ?? null;

describe('the session cache', () => {
  it('a logout in one process ends the session in this process at once and in the other within moments', async () => {
    await makeUser(t.db, 'logout@example.jp', [
      { organization: { id: tenantId, tenant_id: tenantId }, role: 'admin' },
    ]);
    const here = await signedIn(t.app, 'logout@example.jp');
    const there = sameBrowserOn(second, here);
    // Both processes have read (and kept) the session.
    expect([await sessionUser(here), await sessionUser(there)]).toEqual([
      'logout@example.jp',
      'logout@example.jp',
    ]);
    expect([await sessionUser(here), await sessionUser(there)]).toEqual([
      'logout@example.jp',
      'logout@example.jp',
    ]);

    expect((await here.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await sessionUser(here)).toBeNull();
    const stale = sameBrowserOn(second, there);
    expect(await eventually(async () => (await sessionUser(stale)) === null)).toBe(true);
  });

  it('a change written by any connection (not through the portal) reaches the kept sessions', async () => {
    const user = await makeUser(t.db, 'disabled-later@example.jp', [
      { organization: { id: tenantId, tenant_id: tenantId }, role: 'admin' },
    ]);
    const client = await signedIn(t.app, 'disabled-later@example.jp');
    const there = sameBrowserOn(second, client);
    expect(await sessionUser(there)).toBe('disabled-later@example.jp');
    expect(await sessionUser(there)).toBe('disabled-later@example.jp');
    const raw = new pg.Client({ connectionString: t.deps.config.databaseOwnerUrl });
    await raw.connect();
    try {
      await raw.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    } finally {
      await raw.end();
    }
    expect(await eventually(async () => (await sessionUser(there)) === null)).toBe(true);
    expect((await there.get('/api/partner/customers')).statusCode).toBe(401);
  });

  it('a membership disabled by the admin ends the member’s scope at once in the same process', async () => {
    await makeUser(t.db, 'boss@example.jp', [
      { organization: { id: tenantId, tenant_id: tenantId }, role: 'admin' },
    ]);
    await makeUser(t.db, 'member@example.jp', [
      { organization: { id: tenantId, tenant_id: tenantId }, role: 'member' },
    ]);
    const member = await signedIn(t.app, 'member@example.jp');
    expect((await member.get('/api/partner/customers')).statusCode).toBe(200);
    expect((await member.get('/api/partner/customers')).statusCode).toBe(200);
    await t.db
      .updateTable('memberships')
      .set({ status: 'disabled' })
      .where('organization_id', '=', tenantId)
      .where(
        'user_id',
        '=',
        (
          await t.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', 'member@example.jp')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect((await member.get('/api/partner/customers')).statusCode).toBe(403);
  });
});
