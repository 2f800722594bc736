import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createDb } from '../db/pool.js';
import { makeOperator, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { TestClient } from '../test/http-client.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const operator = await makeOperator(t.db);
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
});
afterAll(() => t.close());

/** The attributes of one Set-Cookie header, by lower-case name (flags map to true). */
function cookieAttributes(setCookie: string | string[] | undefined, name: string) {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));
  if (!header) return undefined;
  const [, ...attrs] = header.split(';').map((s) => s.trim());
  return Object.fromEntries(
    attrs.map((a) => {
      const [k, v] = a.split('=');
      return [k!.toLowerCase(), v ?? true];
    }),
  );
}

describe('health', () => {
  it('liveness answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('readiness answers ready while the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('readiness answers 503 while the process is shutting down, liveness still ok', async () => {
    const app = await buildApp(t.deps, { isShuttingDown: () => true, webRoot: '/nonexistent' });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'shutting_down' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('readiness answers 503 when the database cannot be reached', async () => {
    const { db } = createDb('postgres://nobody@127.0.0.1:1/none', pino({ level: 'silent' }), 1);
    const app = await buildApp({ ...t.deps, db }, { webRoot: '/nonexistent' });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'database_unavailable' });
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('the API description', () => {
  it('is OpenAPI 3 with the sign-in and tenant paths, and without the hidden ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info).toEqual({ title: 'Madoguchi API', version: '0.1.0' });
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/operator/tenants']),
    );
    expect(Object.keys(spec.paths['/api/auth/login'])).toEqual(['post']);
    expect(Object.keys(spec.paths)).not.toContain('/healthz');
    expect(Object.keys(spec.paths)).not.toContain('/api/openapi.json');
  });
});

describe('security headers', () => {
  it.each(['/healthz', '/api/session', '/api/nope'])(
    '%s carries CSP and anti-sniffing, anti-framing headers',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp.split(';')).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "frame-ancestors 'none'",
          "object-src 'none'",
          "form-action 'self'",
        ]),
      );
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // Plain HTTP (a development set-up): no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );
});

describe('cookies', () => {
  it('the session cookie is HttpOnly and SameSite=Lax; the CSRF cookie is readable but SameSite=Strict', async () => {
    const c = new TestClient(t.app);
    const first = await c.get('/api/session');
    expect(cookieAttributes(first.headers['set-cookie'], 'mg_csrf')).toEqual({
      path: '/',
      samesite: 'Strict',
    });
    const res = await c.post('/api/auth/login', { email: 'op@example.jp', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(cookieAttributes(res.headers['set-cookie'], 'mg_session')).toEqual({
      path: '/',
      httponly: true,
      samesite: 'Lax',
    });
  });

  it('behind https the session cookie is __Host-mg_session, Secure, and the only name accepted', async () => {
    const secure = await startTestApp({ env: { PUBLIC_URL: 'https://portal.test' } });
    try {
      const operator = await makeOperator(secure.db);
      await makeUser(secure.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
      const c = new TestClient(secure.app);
      const res = await c.post('/api/auth/login', { email: 'op@example.jp', password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      const setCookie = res.headers['set-cookie'];
      expect(cookieAttributes(setCookie, 'mg_session')).toBeUndefined();
      expect(cookieAttributes(setCookie, '__Host-mg_session')).toEqual({
        path: '/',
        httponly: true,
        secure: true,
        samesite: 'Lax',
      });
      expect((await c.get('/api/session')).json().user.email).toBe('op@example.jp');

      // The same token under the plain name does not sign anyone in.
      const token = c.cookie('__Host-mg_session')!;
      const plain = await secure.app.inject({
        method: 'GET',
        url: '/api/session',
        cookies: { mg_session: token },
      });
      expect(plain.json()).toEqual({ user: null });

      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      const csrfCookies = (await new TestClient(secure.app).get('/healthz')).headers['set-cookie'];
      expect(cookieAttributes(csrfCookies, 'mg_csrf')).toBeUndefined();
      expect(cookieAttributes(csrfCookies, '__Host-mg_csrf')).toEqual({
        path: '/',
        secure: true,
        samesite: 'Strict',
      });
    } finally {
      await secure.close();
    }
  });
});

describe('Cache-Control', () => {
  it('every API answer, signed in or not, success or error, is no-store', async () => {
    const op = new TestClient(t.app);
    await op.login('op@example.jp', TEST_PASSWORD);
    const answers = [
      await op.get('/api/session'),
      await op.get('/api/operator/tenants'),
      await op.post('/api/operator/tenants', { name: '検証商事' }),
      await op.post('/api/operator/tenants', {}),
      await op.get('/api/nope'),
      await new TestClient(t.app).get('/api/session'),
      await new TestClient(t.app).post('/api/auth/login', { email: 'op@example.jp', password: 'wrong' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 201, 400, 404, 200, 401]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });
});
