import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passkeysPerUserMax } from '../../../common/passkeys.js';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { SoftwareAuthenticator } from '../../test/software-authenticator.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** Registering, listing and removing one's own passkeys, with real WebAuthn attestations. */

const ORIGIN = 'http://portal.test';
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function member(): Promise<TestClient> {
  const email = `passkey-reg-${++n}@example.jp`;
  await makeUser(t.db, email, [{ organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' }]);
  const c = await signedIn(t.app, email);
  await reauth(c);
  return c;
}

/** The password again: registering and removing need it within the last five minutes. */
async function reauth(c: TestClient) {
  expect((await c.post('/api/me/reauth', { password: TEST_PASSWORD })).statusCode).toBe(204);
}

async function register(c: TestClient, authenticator: SoftwareAuthenticator, name = 'ノートPC') {
  const options = (await c.post('/api/me/passkeys/options')).json();
  return c.post('/api/me/passkeys', { name, response: authenticator.register(options) });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await makeOperator(t.db);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('registration', () => {
  it('offers options for the portal, then stores the passkey the authenticator created', async () => {
    const c = await member();
    const res = await c.post('/api/me/passkeys/options');
    expect(res.statusCode).toBe(200);
    const options = res.json();
    expect(options).toMatchObject({
      rp: { id: 'portal.test', name: 'Madoguchi' },
      user: { name: `passkey-reg-${n}@example.jp`, displayName: 'テスト 利用者' },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { userVerification: 'preferred' },
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const created = await c.post('/api/me/passkeys', {
      name: 'ノートPC',
      response: authenticator.register(options),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      name: 'ノートPC',
      createdAt: clock.now().toISOString(),
    });

    const list = await c.get('/api/me/passkeys');
    expect(list.json()).toEqual({
      items: [
        {
          id: created.json().id,
          name: 'ノートPC',
          createdAt: clock.now().toISOString(),
          lastUsedAt: null,
          backedUp: false,
        },
      ],
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', '=', 'passkey.register')
      .where('target_id', '=', created.json().id)
      .execute();
    expect(audit).toHaveLength(1);
    // The next options exclude it: one authenticator registers once.
    const next = (await c.post('/api/me/passkeys/options')).json();
    expect(next.excludeCredentials).toEqual([
      {
        id: authenticator.credentials[0]!.id.toString('base64url'),
        type: 'public-key',
        transports: ['internal'],
      },
    ]);
  });

  it('refuses an answer to another challenge, from another origin or for another RP, and stores nothing', async () => {
    const c = await member();
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const bends = [
      { challenge: Buffer.from('not the challenge we sent').toString('base64url') },
      { origin: 'https://evil.example' },
      { rpId: 'evil.example' },
    ];
    for (const bend of bends) {
      const options = (await c.post('/api/me/passkeys/options')).json();
      const res = await c.post('/api/me/passkeys', {
        name: 'x',
        response: authenticator.register(options, bend),
      });
      expect({ bend, status: res.statusCode, body: res.json() }).toEqual({
        bend,
        status: 400,
        body: {
          error: {
            code: 'passkey_registration_failed',
            message: 'パスキーを登録できませんでした。もう一度お試しください。',
          },
        },
      });
    }
    expect((await c.get('/api/me/passkeys')).json().items).toEqual([]);
  });

  it('uses a challenge once, only in the session that asked for it, and only for five minutes', async () => {
    const c = await member();
    const other = await member();
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const options = (await c.post('/api/me/passkeys/options')).json();
    const response = authenticator.register(options);
    // Another session (of another user) cannot answer it.
    expect((await other.post('/api/me/passkeys', { name: 'x', response })).statusCode).toBe(400);
    expect((await c.post('/api/me/passkeys', { name: 'x', response })).statusCode).toBe(201);
    // Used once: the same answer again is refused.
    expect((await c.post('/api/me/passkeys', { name: 'y', response })).statusCode).toBe(400);

    const late = (await c.post('/api/me/passkeys/options')).json();
    clock.advance(5 * 60_000 + 1);
    await reauth(c);
    const res = await c.post('/api/me/passkeys', {
      name: 'late',
      response: new SoftwareAuthenticator(ORIGIN).register(late),
    });
    expect(res.statusCode).toBe(400);
    expect((await c.get('/api/me/passkeys')).json().items.map((p: { name: string }) => p.name)).toEqual([
      'x',
    ]);
  });

  it('without options first, nothing can be registered', async () => {
    const c = await member();
    const response = new SoftwareAuthenticator(ORIGIN).register({
      challenge: Buffer.from('made up').toString('base64url'),
      rp: { id: 'portal.test' },
      user: { id: 'x' },
    });
    expect((await c.post('/api/me/passkeys', { name: 'x', response })).statusCode).toBe(400);
  });
});

describe('the limit', () => {
  it('a user holding the most passkeys allowed gets no options, and an answer prepared before is refused', async () => {
    const c = await member();
    const email = `passkey-reg-${n}@example.jp`;
    const options = (await c.post('/api/me/passkeys/options')).json();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('passkeys')
      .values(
        Array.from({ length: passkeysPerUserMax }, (_, i) => ({
          user_id: user.id,
          credential_id: `limit-${n}-${i}`,
          public_key: Buffer.from('key'),
          device_type: 'singleDevice' as const,
          backed_up: false,
          name: `鍵${i}`,
          created_at: clock.now(),
        })),
      )
      .execute();
    const limit = {
      error: {
        code: 'passkey_limit',
        message: '登録できるパスキーは20個までです。不要なパスキーを削除してください。',
      },
    };
    const more = await c.post('/api/me/passkeys/options');
    expect({ status: more.statusCode, body: more.json() }).toEqual({ status: 409, body: limit });
    const late = await c.post('/api/me/passkeys', {
      name: 'x',
      response: new SoftwareAuthenticator(ORIGIN).register(options),
    });
    expect({ status: late.statusCode, body: late.json() }).toEqual({ status: 409, body: limit });
    expect((await c.get('/api/me/passkeys')).json().items).toHaveLength(passkeysPerUserMax);
  });
});

describe('re-authentication', () => {
  it('registering needs the password re-entered in the last five minutes', async () => {
    const c = await member();
    const options = (await c.post('/api/me/passkeys/options')).json();
    clock.advance(5 * 60_000 + 1);
    const response = new SoftwareAuthenticator(ORIGIN).register(options);
    const stale = await c.post('/api/me/passkeys', { name: 'x', response });
    expect(stale.statusCode).toBe(403);
    expect(stale.json()).toEqual({
      error: { code: 'reauth_required', message: 'パスワードを再入力してください。' },
    });
    expect((await c.post('/api/me/passkeys/options')).statusCode).toBe(403);
    expect((await c.get('/api/me/passkeys')).json().items).toEqual([]);
  });

  it('removing needs it too; nothing is removed without it', async () => {
    const c = await member();
    const key = (await register(c, new SoftwareAuthenticator(ORIGIN))).json();
    clock.advance(5 * 60_000 + 1);
    const res = await c.request('DELETE', `/api/me/passkeys/${key.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('reauth_required');
    expect((await c.get('/api/me/passkeys')).json().items).toHaveLength(1);
    await reauth(c);
    expect((await c.request('DELETE', `/api/me/passkeys/${key.id}`)).statusCode).toBe(204);
  });
});

describe('the user’s method', () => {
  it('the first passkey makes “passkey” the method of a user without one; removing the last clears it', async () => {
    const c = await member();
    const method = async () =>
      (
        await t.db
          .selectFrom('users')
          .select('mfa_method')
          .where('email', '=', `passkey-reg-${n}@example.jp`)
          .executeTakeFirstOrThrow()
      ).mfa_method;
    const first = (await register(c, new SoftwareAuthenticator(ORIGIN))).json();
    expect(await method()).toBe('passkey');
    const second = (await register(c, new SoftwareAuthenticator(ORIGIN), '予備の鍵')).json();
    expect((await c.get('/api/me/mfa')).json().methods.passkey).toEqual({ count: 2 });
    expect((await c.request('DELETE', `/api/me/passkeys/${first.id}`)).statusCode).toBe(204);
    expect(await method()).toBe('passkey');
    expect((await c.request('DELETE', `/api/me/passkeys/${second.id}`)).statusCode).toBe(204);
    expect(await method()).toBeNull();
  });
});

describe('removal', () => {
  it('removes my own passkey; another user’s passkey id is a 404 and stays', async () => {
    const mine = await member();
    const theirs = await member();
    const myKey = (await register(mine, new SoftwareAuthenticator(ORIGIN))).json();
    const theirKey = (await register(theirs, new SoftwareAuthenticator(ORIGIN), '鍵')).json();

    const foreign = await mine.request('DELETE', `/api/me/passkeys/${theirKey.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await theirs.get('/api/me/passkeys')).json().items).toHaveLength(1);

    expect((await mine.request('DELETE', `/api/me/passkeys/${myKey.id}`)).statusCode).toBe(204);
    expect((await mine.get('/api/me/passkeys')).json().items).toEqual([]);
    expect((await mine.request('DELETE', `/api/me/passkeys/${myKey.id}`)).statusCode).toBe(404);
  });
});
