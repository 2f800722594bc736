import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** Own sessions and the idle / absolute timeouts (ID-13), with the clock under test control. */

const MINUTE = 60_000;
const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function member() {
  const email = `sessions-${++n}@example.jp`;
  await makeUser(t.db, email, [{ organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' }]);
  return email;
}

async function browser(email: string, userAgent = CHROME_WIN) {
  const c = new TestClient(t.app);
  const res = await c.request(
    'POST',
    '/api/auth/login',
    { email, password: TEST_PASSWORD },
    { 'user-agent': userAgent },
  );
  expect(res.statusCode).toBe(200);
  return c;
}
const del = (c: TestClient, id: string) => c.request('DELETE', `/api/me/sessions/${id}`);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await makeOperator(t.db);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('own sessions', () => {
  it('lists where I am signed in, marks this one, never shows the stored id', async () => {
    const email = await member();
    const pc = await browser(email);
    clock.advance(2 * MINUTE);
    await browser(
      email,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    );
    const res = await pc.get('/api/me/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        current: false,
        device: 'Safari on iPhone',
        ip: '127.0.0.1',
        createdAt: clock.now().toISOString(),
        lastSeenAt: clock.now().toISOString(),
      },
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        current: true,
        device: 'Chrome on Windows',
        ip: '127.0.0.1',
        createdAt: new Date(clock.now().getTime() - 2 * MINUTE).toISOString(),
        lastSeenAt: expect.any(String),
      },
    ]);
    const stored = await t.db.selectFrom('sessions').select('id').execute();
    for (const s of stored) expect(res.body).not.toContain(s.id.slice(0, 16));
  });

  it('ending another session signs that browser out; my own stays; audit recorded', async () => {
    const email = await member();
    const mine = await browser(email);
    const other = await browser(email);
    const { items } = (await mine.get('/api/me/sessions')).json();
    const target = items.find((s: { current: boolean }) => !s.current);
    const res = await del(mine, target.id);
    expect(res.statusCode).toBe(204);
    expect((await other.get('/api/session')).json()).toEqual({ user: null });
    expect((await mine.get('/api/session')).json().user.email).toBe(email);
    expect((await mine.get('/api/me/sessions')).json().items).toHaveLength(1);
    expect((await del(mine, target.id)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'session.revoke')
      .execute();
    expect(audit).toContainEqual({ details: { session: target.id } });
  });

  it('another user’s session id is a 404 and stays alive; a malformed id is a 400', async () => {
    const alice = await browser(await member());
    const bob = await browser(await member());
    const bobsId = (await bob.get('/api/me/sessions')).json().items[0].id;
    const res = await del(alice, bobsId);
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
    expect((await bob.get('/api/session')).json().user).not.toBeNull();
    expect((await del(alice, 'not-hex')).statusCode).toBe(400);
  });
});

describe('timeouts', () => {
  it('idle 30 minutes ends the session; activity keeps it alive', async () => {
    const c = await browser(await member());
    clock.advance(29 * MINUTE);
    expect((await c.get('/api/session')).json().user).not.toBeNull();
    clock.advance(29 * MINUTE);
    expect((await c.get('/api/session')).json().user).not.toBeNull();
    clock.advance(30 * MINUTE + 1);
    expect((await c.get('/api/session')).json()).toEqual({ user: null });
  });

  it('activity is written at most once a minute; the idle limit counts exactly from the written one', async () => {
    const c = await browser(await member());
    const loggedIn = clock.now().getTime();
    const { id } = await t.db
      .selectFrom('sessions')
      .select('id')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const lastSeen = async () =>
      (
        await t.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const signedIn = async () => (await c.get('/api/session')).json().user !== null;

    clock.advance(30_000); // within the minute: nothing written
    expect(await signedIn()).toBe(true);
    expect(await lastSeen()).toBe(loggedIn);
    clock.advance(30 * MINUTE - 30_000 - 1); // 1 ms before the limit: alive, and written
    expect(await signedIn()).toBe(true);
    const written = clock.now().getTime();
    expect(await lastSeen()).toBe(written);
    clock.advance(MINUTE - 1); // within the minute again: not written…
    expect(await signedIn()).toBe(true);
    expect(await lastSeen()).toBe(written);
    clock.advance(30 * MINUTE - (MINUTE - 1)); // …so the session ends exactly 30 min after the written one
    expect((await c.get('/api/session')).json()).toEqual({ user: null });
  });

  it('12 hours after login the session ends however active it was', async () => {
    const c = await browser(await member());
    for (let i = 0; i < 35; i++) {
      clock.advance(20 * MINUTE);
      expect((await c.get('/api/session')).json().user).not.toBeNull();
    }
    clock.advance(20 * MINUTE); // 12 h
    expect((await c.get('/api/session')).json()).toEqual({ user: null });
  });

  it('every login gets a new session id, and the session the browser had before ends', async () => {
    const email = await member();
    const c = await browser(email);
    const first = c.cookie('mg_session')!;
    await c.login(email, TEST_PASSWORD);
    const second = c.cookie('mg_session')!;
    expect(second).not.toBe(first);
    const replay = await t.app.inject({ method: 'GET', url: '/api/session', cookies: { mg_session: first } });
    expect(replay.json()).toEqual({ user: null });
  });
});
