import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { SoftwareAuthenticator } from '../../test/software-authenticator.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A passkey as the second factor of the login, with real WebAuthn assertions: the password opens
 * a login attempt, the passkey's signature over the attempt's challenge finishes it. Every wrong
 * answer gets the generic invalid_code and counts toward the account lockout.
 */

const ORIGIN = 'http://portal.test';
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

const invalidCode = { error: { code: 'invalid_code', message: '認証コードが正しくありません。' } };

/** A member who registered a passkey with `authenticator` (which makes 'passkey' their method). */
async function memberWithPasskey(authenticator = new SoftwareAuthenticator(ORIGIN)) {
  const email = `passkey-login-${++n}@example.jp`;
  await makeUser(t.db, email, [{ organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' }]);
  const c = await signedIn(t.app, email);
  expect((await c.post('/api/me/reauth', { password: TEST_PASSWORD })).statusCode).toBe(204);
  const options = (await c.post('/api/me/passkeys/options')).json();
  const created = await c.post('/api/me/passkeys', { name: '鍵', response: authenticator.register(options) });
  expect(created.statusCode).toBe(201);
  return { email, authenticator, passkeyId: created.json().id as string };
}

/** A browser past the password step, with the passkey options of its login attempt. */
async function atPasskeyStep(email: string) {
  const c = new TestClient(t.app);
  const login = await c.post('/api/auth/login', { email, password: TEST_PASSWORD });
  expect(login.json()).toMatchObject({ status: 'mfa_required', preferred: 'passkey' });
  expect(login.json().methods).toContain('passkey');
  const options = await c.post('/api/auth/mfa/passkey/options');
  expect(options.statusCode).toBe(200);
  return { c, options: options.json() };
}

const verify = (c: TestClient, response: unknown) =>
  c.post('/api/auth/mfa/verify', { method: 'passkey', response });

async function failedLogins(email: string) {
  const row = await t.db
    .selectFrom('users')
    .select('failed_login_count')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.failed_login_count;
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  await makeOperator(t.db);
  tenant = await makeTenant(t.db, 'あおぞら販売');
});
afterAll(() => t.close());

describe('login with a passkey', () => {
  it('signs in with the signature of the registered passkey over the attempt’s challenge', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(email);
    expect(options).toMatchObject({
      rpId: 'portal.test',
      userVerification: 'preferred',
      allowCredentials: [
        {
          id: authenticator.credentials[0]!.id.toString('base64url'),
          type: 'public-key',
          transports: ['internal'],
        },
      ],
    });
    // Not signed in before the second factor.
    expect((await c.get('/api/session')).json().user).toBeNull();

    clock.advance(60_000);
    const res = await verify(c, authenticator.assert(options));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed_in', user: { email } });
    expect((await c.get('/api/session')).json().user.email).toBe(email);
    const list = (await c.get('/api/me/passkeys')).json().items;
    expect(list[0].lastUsedAt).toBe(clock.now().toISOString());
    const stored = await t.db
      .selectFrom('passkeys')
      .select('counter')
      .where('id', '=', list[0].id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.counter)).toBe(1);
  });

  it('takes the answer as a browser’s toJSON() writes it, nulls for absent values included', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(email);
    const answer = authenticator.assert(options);
    const res = await verify(c, {
      ...answer,
      authenticatorAttachment: null,
      response: { ...answer.response, userHandle: null },
    });
    expect(res.json().status).toBe('signed_in');
  });

  it('a user without passkeys is not offered the passkey options', async () => {
    const email = `passkey-login-${++n}@example.jp`;
    await makeUser(t.db, email, [{ organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' }]);
    await t.db.updateTable('users').set({ mfa_method: 'mail' }).where('email', '=', email).execute();
    const c = new TestClient(t.app);
    expect(
      (await c.post('/api/auth/login', { email, password: TEST_PASSWORD })).json().methods,
    ).not.toContain('passkey');
    const res = await c.post('/api/auth/mfa/passkey/options');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('mfa_method_unavailable');
  });

  it('an organisation that does not allow passkeys: neither offered nor accepted', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const before = (await atPasskeyStep(email)).options;
    await t.db
      .insertInto('organization_mfa_policies')
      .values({ organization_id: tenant.id, require_mfa: false, allowed_methods: ['totp', 'mail'] })
      .execute();
    try {
      const c = new TestClient(t.app);
      const login = await c.post('/api/auth/login', { email, password: TEST_PASSWORD });
      expect(login.json().methods).toEqual(['mail']);
      expect((await c.post('/api/auth/mfa/passkey/options')).statusCode).toBe(409);
      const res = await verify(c, authenticator.assert(before));
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
    } finally {
      await t.db.deleteFrom('organization_mfa_policies').where('organization_id', '=', tenant.id).execute();
    }
  });

  it('without a login attempt there are no options', async () => {
    const res = await new TestClient(t.app).post('/api/auth/mfa/passkey/options');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('login_expired');
  });
});

describe('enrolment required by the organisation', () => {
  it('a user who must use 2FA, with only passkeys allowed, enrols one in the limited session and then logs in with it', async () => {
    const org = await makeTenant(t.db, 'かわせみ商事');
    await t.db
      .insertInto('organization_mfa_policies')
      .values({ organization_id: org.id, require_mfa: true, allowed_methods: ['passkey'] })
      .execute();
    const email = `passkey-login-${++n}@example.jp`;
    await makeUser(t.db, email, [{ organization: { id: org.id, tenant_id: org.id }, role: 'member' }]);
    const c = new TestClient(t.app);
    const login = await c.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(login.json().status).toBe('mfa_enrolment_required');
    expect((await c.post('/api/me/reauth', { password: TEST_PASSWORD })).statusCode).toBe(204);
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const options = (await c.post('/api/me/passkeys/options')).json();
    const created = await c.post('/api/me/passkeys', {
      name: '鍵',
      response: authenticator.register(options),
    });
    expect(created.statusCode).toBe(201);
    expect((await c.get('/api/session')).json().pendingActions).not.toContain('enrolMfa');

    const { c: next, options: step } = await atPasskeyStep(email);
    expect((await verify(next, authenticator.assert(step))).json().status).toBe('signed_in');
  });
});

describe('refused with the generic message, counted toward the lockout', () => {
  it.each([
    [
      'a signature over another challenge',
      { challenge: Buffer.from('another challenge').toString('base64url') },
    ],
    ['another origin', { origin: 'https://portal.test.evil.example' }],
    ['another relying party', { rpId: 'evil.example' }],
  ])('%s', async (_case, bend) => {
    const { email, authenticator } = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(email);
    const before = await failedLogins(email);
    const res = await verify(c, authenticator.assert(options, bend));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
    expect(await failedLogins(email)).toBe(before + 1);
    expect((await c.get('/api/session')).json().user).toBeNull();
  });

  it('a replayed signature counter', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const first = await atPasskeyStep(email);
    expect((await verify(first.c, authenticator.assert(first.options))).statusCode).toBe(200);
    const again = await atPasskeyStep(email);
    const before = await failedLogins(email);
    // A cloned authenticator signs the fresh challenge with the counter already seen.
    const res = await verify(again.c, authenticator.assert(again.options, { counter: 1 }));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
    expect(await failedLogins(email)).toBe(before + 1);
  });

  it('a cloned authenticator racing two logins with the same counter: only one gets in', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const one = await atPasskeyStep(email);
    const two = await atPasskeyStep(email);
    const answers = [
      authenticator.assert(one.options, { counter: 7 }),
      authenticator.assert(two.options, { counter: 7 }),
    ];
    const results = await Promise.all([verify(one.c, answers[0]), verify(two.c, answers[1])]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('the very same answer twice (its challenge is used up)', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(email);
    const answer = authenticator.assert(options, { challenge: Buffer.from('x').toString('base64url') });
    expect((await verify(c, answer)).statusCode).toBe(401);
    // A right answer to the same challenge now finds none: options are needed again.
    const res = await verify(c, authenticator.assert(options));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
    const fresh = (await c.post('/api/auth/mfa/passkey/options')).json();
    expect((await verify(c, authenticator.assert(fresh))).statusCode).toBe(200);
  });

  it('another user’s passkey', async () => {
    const victim = await memberWithPasskey();
    const intruder = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(victim.email);
    const before = await failedLogins(victim.email);
    const res = await verify(c, intruder.authenticator.assert(options));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
    expect(await failedLogins(victim.email)).toBe(before + 1);
  });

  it('the answer to another login attempt’s challenge', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const one = await atPasskeyStep(email);
    const other = await atPasskeyStep(email);
    const res = await verify(other.c, authenticator.assert(one.options));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
  });

  it('an answer after the challenge expired', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const { c, options } = await atPasskeyStep(email);
    clock.advance(5 * 60_000 + 1);
    const res = await verify(c, authenticator.assert(options));
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: invalidCode });
  });

  it('five wrong answers end the attempt', async () => {
    const { email, authenticator } = await memberWithPasskey();
    const { c } = await atPasskeyStep(email);
    for (let i = 0; i < 5; i++) {
      const options = (await c.post('/api/auth/mfa/passkey/options')).json();
      const res = await verify(c, authenticator.assert(options, { origin: 'https://evil.example' }));
      expect(res.statusCode).toBe(401);
    }
    const res = await c.post('/api/auth/mfa/passkey/options');
    expect(res.json().error.code).toBe('login_expired');
  });
});
