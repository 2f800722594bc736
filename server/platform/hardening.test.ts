import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { makeOperator, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { signedIn } from '../test/helpers.js';
import { TestClient } from '../test/http-client.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { sessionCsrfToken } from './csrf.js';

/** Answers not cached, rate limits shared by every process, and the CSRF token bound to the session. */

const CSRF_REFUSED = {
  error: { code: 'csrf', message: '画面を再読み込みしてから、もう一度お試しください。' },
};

/** The attributes of the Set-Cookie line for `name`, or undefined when the answer sets none. */
function setCookieOf(setCookie: string | string[] | undefined, name: string) {
  const line = [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attrs] = line.split(';').map((s) => s.trim());
  return {
    value: pair!.slice(name.length + 1),
    attributes: Object.fromEntries(
      attrs.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=')[1] ?? true]),
    ),
  };
}

describe('the login rate limit across processes', () => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '127.0.0.1' } });
    // A second instance of the portal on the same database, as a second process behind nginx.
    second = await buildApp(t.deps, { webRoot: '/nonexistent' });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const attempt = (app: FastifyInstance, ip: string) =>
    new TestClient(app).request(
      'POST',
      '/api/auth/login',
      { email: 'someone@example.jp', password: 'wrong' },
      { 'x-forwarded-for': ip },
    );

  it('two instances together allow exactly the limit per address, then 429 from either', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await attempt(i % 2 === 0 ? t.app : second, '192.0.2.10')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await attempt(t.app, '192.0.2.10');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'rate_limited', message: '試行回数が多すぎます。しばらくしてから再度お試しください。' },
    });
    // Another address has its own count; the count sits in one row per route and address.
    expect((await attempt(second, '192.0.2.11')).statusCode).toBe(401);
    const rows = await t.db
      .selectFrom('rate_limits')
      .select(['bucket', 'client_key', 'count'])
      .orderBy('client_key')
      .execute();
    expect(rows).toEqual([
      { bucket: 'POST /api/auth/login', client_key: '192.0.2.10', count: 8 },
      { bucket: 'POST /api/auth/login', client_key: '192.0.2.11', count: 1 },
    ]);
  });

  it('parallel attempts through both instances are counted exactly', async () => {
    const codes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 === 0 ? t.app : second, '192.0.2.20')),
    );
    const statuses = codes.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('a new window starts once the old one has passed', async () => {
    await t.db
      .updateTable('rate_limits')
      .set({ window_start: new Date(Date.now() - 61_000) })
      .where('client_key', '=', '192.0.2.10')
      .execute();
    expect((await attempt(second, '192.0.2.10')).statusCode).toBe(401);
    const row = await t.db
      .selectFrom('rate_limits')
      .select('count')
      .where('client_key', '=', '192.0.2.10')
      .executeTakeFirstOrThrow();
    expect(row.count).toBe(1);
  });
});

describe('the CSRF token behind https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://portal.test' } });
    const operator = await makeOperator(t.db);
    await makeUser(t.db, 'a@example.jp', [{ organization: operator, role: 'operator_admin' }]);
    await makeUser(t.db, 'b@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  });
  afterAll(() => t.close());

  const localeOf = async (email: string) =>
    (await t.db.selectFrom('users').select('locale').where('email', '=', email).executeTakeFirstOrThrow())
      .locale;

  it('is the __Host- cookie: Secure, Path=/, no Domain, SameSite=Strict, readable by the page', async () => {
    const res = await new TestClient(t.app).get('/api/session');
    const headers = res.headers['set-cookie'];
    expect(setCookieOf(headers, 'mg_csrf')).toBeUndefined();
    const cookie = setCookieOf(headers, '__Host-mg_csrf');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(cookie?.attributes).toEqual({ path: '/', secure: true, samesite: 'Strict' });
  });

  it('is rotated at sign-in and sign-out; the token of before is refused in the session', async () => {
    const c = new TestClient(t.app);
    await c.get('/api/session');
    const before = c.csrfToken()!;
    const login = await c.post('/api/auth/login', { email: 'a@example.jp', password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const during = c.csrfToken()!;
    expect(during).not.toBe(before);
    expect(during).toBe(sessionCsrfToken(c.cookie('__Host-mg_session')!));
    expect(setCookieOf(login.headers['set-cookie'], '__Host-mg_csrf')?.attributes).toEqual({
      path: '/',
      secure: true,
      samesite: 'Strict',
    });

    // The pre-session token, even as both cookie and header, no longer changes anything.
    const stale = await c.request(
      'PUT',
      '/api/me/locale',
      { locale: 'en' },
      {
        cookie: `__Host-mg_session=${c.cookie('__Host-mg_session')}; __Host-mg_csrf=${before}`,
        'x-csrf-token': before,
      },
    );
    expect(stale.statusCode).toBe(403);
    expect(stale.json()).toEqual(CSRF_REFUSED);
    expect(await localeOf('a@example.jp')).toBe('ja');
    expect((await c.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    expect(await localeOf('a@example.jp')).toBe('en');

    const logout = await c.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    const after = setCookieOf(logout.headers['set-cookie'], '__Host-mg_csrf')?.value;
    expect(after).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(after).not.toBe(during);
    expect(c.csrfToken()).toBe(after);
  });

  it('a token of session A is refused in session B, and so is one of B’s own making', async () => {
    const a = await signedIn(t.app, 'a@example.jp');
    const b = await signedIn(t.app, 'b@example.jp');
    const sessionB = b.cookie('__Host-mg_session')!;
    const before = await localeOf('b@example.jp');
    for (const token of [a.csrfToken()!, 'chosen-by-an-attacker-who-set-the-cookie']) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/me/locale',
        cookies: { '__Host-mg_session': sessionB, '__Host-mg_csrf': token },
        headers: { 'x-csrf-token': token },
        payload: { locale: before === 'ja' ? 'en' : 'ja' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(CSRF_REFUSED);
      // The answer hands the page the token of its own session.
      expect(setCookieOf(res.headers['set-cookie'], '__Host-mg_csrf')?.value).toBe(b.csrfToken());
    }
    expect(await localeOf('b@example.jp')).toBe(before);
    expect((await b.put('/api/me/locale', { locale: before === 'ja' ? 'en' : 'ja' })).statusCode).toBe(204);
  });

  it('the plain cookie name is not read behind https', async () => {
    const c = await signedIn(t.app, 'a@example.jp');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/me/locale',
      cookies: { '__Host-mg_session': c.cookie('__Host-mg_session')!, mg_csrf: 'x' },
      headers: { 'x-csrf-token': 'x' },
      payload: { locale: 'ja' },
    });
    expect(res.statusCode).toBe(403);
  });
});
