import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await startTestApp();
  const operator = await makeOperator(t.db);
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  await makeUser(t.db, 'multi@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
    { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'member' },
  ]);
  await makeUser(t.db, 'gone@example.jp', [{ organization: operator, role: 'operator_admin' }], {
    status: 'disabled',
  });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('a single-membership user lands in that organisation', async () => {
    const c = new TestClient(t.app);
    const body = await c.login('OP@example.jp', TEST_PASSWORD);
    expect(body.status).toBe('signed_in');
    expect(body.user.email).toBe('op@example.jp');
    expect(body.current).toMatchObject({ kind: 'operator', code: 'OPERATOR', role: 'operator_admin' });
    const cookie = c.cookie('mg_session');
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie); // only the hash is stored
  });

  it('a user with several memberships chooses one, sorted by the server', async () => {
    const c = new TestClient(t.app);
    const body = await c.login('multi@example.jp', TEST_PASSWORD);
    expect(body).toMatchObject({ status: 'signed_in', current: null, pendingActions: [] });
    expect(body.memberships.map((m: { code: string }) => m.code)).toEqual([tenantA.code, tenantB.code]);

    const desc = await c.get('/api/memberships?sort=code&order=desc');
    expect(desc.json().items.map((m: { code: string }) => m.code)).toEqual([tenantB.code, tenantA.code]);
    const byName = await c.get('/api/memberships?sort=name&order=asc');
    expect(byName.json().items.map((m: { name: string }) => m.name)).toEqual([
      'あおぞら販売',
      'かわせみ商事',
    ]);

    const chosen = await c.post('/api/session/organization', { organizationId: tenantB.id });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().current).toMatchObject({ code: tenantB.code, role: 'member' });
    expect((await c.get('/api/session')).json().current.code).toBe(tenantB.code);
  });

  it('choosing an organisation the user does not belong to is a 404', async () => {
    const c = new TestClient(t.app);
    await c.login('op@example.jp', TEST_PASSWORD);
    const res = await c.post('/api/session/organization', { organizationId: tenantA.id });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: '対象が見つかりません。' } });
  });

  it.each([
    ['wrong password', 'op@example.jp', 'Wrong-Password-1!'],
    ['unknown address', 'nobody@example.jp', TEST_PASSWORD],
    ['disabled account', 'gone@example.jp', TEST_PASSWORD],
  ])('%s gets the one generic answer', async (_case, email, password) => {
    const c = new TestClient(t.app);
    const res = await c.post('/api/auth/login', { email, password });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'メールアドレスまたはパスワードが正しくありません。' },
    });
    expect(c.cookie('mg_session')).toBeUndefined();
  });

  it('answers in English when the browser asks for it', async () => {
    const c = new TestClient(t.app);
    const res = await c.request(
      'POST',
      '/api/auth/login',
      { email: 'x@example.jp', password: 'y' },
      {
        'accept-language': 'en-US,en;q=0.9',
      },
    );
    expect(res.json().error.message).toBe('The e-mail address or password is incorrect.');
  });

  it('logout ends the session on the server', async () => {
    const c = new TestClient(t.app);
    await c.login('op@example.jp', TEST_PASSWORD);
    const token = c.cookie('mg_session')!;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/session')).json()).toEqual({ user: null });
    // The old cookie is dead even if a copy was kept.
    const replay = await t.app.inject({ method: 'GET', url: '/api/session', cookies: { mg_session: token } });
    expect(replay.json()).toEqual({ user: null });
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'op@example.jp', password: TEST_PASSWORD },
      cookies: { mg_csrf: 'abc' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('the language choice is remembered for the user', async () => {
    const c = new TestClient(t.app);
    await c.login('op@example.jp', TEST_PASSWORD);
    expect((await c.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    const again = new TestClient(t.app);
    const body = await again.login('op@example.jp', TEST_PASSWORD);
    expect(body.user.locale).toBe('en');
    expect((await again.put('/api/me/locale', { locale: 'fr' })).statusCode).toBe(400);
    await again.put('/api/me/locale', { locale: 'ja' });
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts from one address', async () => {
    const limited = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const c = new TestClient(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await c.post('/api/auth/login', { email: 'a@b.jp', password: 'x' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
