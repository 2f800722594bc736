import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { verifyPassword } from '../../platform/passwords.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { countRows } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createInvitation } from './create-invitation.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const signUp = { name: '招待 花子', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
const validation = (fields: Record<string, string[]>) => ({
  error: { code: 'validation', message: '入力内容に誤りがあります。', fields },
});

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let otherTenant: Awaited<ReturnType<typeof makeTenant>>;
let opUser: { id: string };

/** Invites `email` as admin of the tenant, as the operator would; returns the raw link token. */
async function invite(email: string, to = tenant) {
  const created = await t.db.transaction().execute((trx) =>
    createInvitation(trx, t.deps, {
      organization: { id: to.id, code: to.code, name: to.name, tenantId: to.id },
      email,
      role: 'admin',
      invitedBy: opUser.id,
      ip: null,
    }),
  );
  return { id: created.id, token: created.url.split('/invitations/')[1]! };
}

const invitationRow = (id: string) =>
  t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await startTestApp({ clock });
  const operator = await makeOperator(t.db);
  opUser = await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
  otherTenant = await makeTenant(t.db, 'かわせみ商事');
});
afterAll(() => t.close());

describe('opening an invitation link', () => {
  it('shows the tenant and the address, and does not use up the link', async () => {
    const { id, token } = await invite('hanako@example.jp');
    const visitor = new TestClient(t.app);
    const expected = {
      email: 'hanako@example.jp',
      organizationCode: tenant.code,
      organizationName: 'あおぞら販売',
      expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
      userExists: false,
    };
    for (let i = 0; i < 2; i++) {
      const res = await visitor.get(`/api/invitations/${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(expected);
    }
    expect((await invitationRow(id)).accepted_at).toBeNull();
    const res = await visitor.post(`/api/invitations/${token}/accept`, signUp);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('an unknown or tampered token is not found', async () => {
    const { token } = await invite('tampered@example.jp');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const visitor = new TestClient(t.app);
    const before = await countRows(t.db);
    for (const res of [
      await visitor.get(`/api/invitations/${tampered}`),
      await visitor.post(`/api/invitations/${tampered}/accept`, signUp),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'invitation_not_found', message: 'このURLは無効です。' } });
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it.each([
    ['too short', 'abc'],
    ['with characters a token never has', `${'a'.repeat(30)}!*`],
    ['with a dot', `${'a'.repeat(30)}.json`],
  ])('a malformed token (%s) is refused as bad input', async (_case, token) => {
    const visitor = new TestClient(t.app);
    const before = await countRows(t.db);
    for (const res of [
      await visitor.get(`/api/invitations/${encodeURIComponent(token)}`),
      await visitor.post(`/api/invitations/${encodeURIComponent(token)}/accept`, signUp),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(validation({ token: ['入力内容が正しくありません。'] }));
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a token longer than any link carries is refused as malformed, in the one error shape', async () => {
    const visitor = new TestClient(t.app);
    const before = await countRows(t.db);
    const token = 'a'.repeat(101);
    for (const res of [
      await visitor.get(`/api/invitations/${token}`),
      await visitor.post(`/api/invitations/${token}/accept`, signUp),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(validation({ _: ['リクエストの形式が正しくありません。'] }));
    }
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe('registering from an invitation link', () => {
  it('creates the user with an argon2id hash and an admin membership, and marks the link used', async () => {
    const { id, token } = await invite('Taro@Example.jp');
    const before = await countRows(t.db);
    const res = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
      name: '  招待 太郎  ',
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'Taro@Example.jp')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({
      id: expect.any(String),
      email: 'Taro@Example.jp',
      name: '招待 太郎',
      password_hash: expect.stringMatching(/^\$argon2id\$/),
      locale: 'ja',
      time_zone: 'Asia/Tokyo',
      status: 'active',
      last_login_at: null,
      created_at: clock.now(),
    });
    expect(await verifyPassword(user.password_hash, NEW_PASSWORD)).toBe(true);
    const memberships = await t.db
      .selectFrom('memberships')
      .select(['organization_id', 'tenant_id', 'role'])
      .where('user_id', '=', user.id)
      .execute();
    expect(memberships).toEqual([{ organization_id: tenant.id, tenant_id: tenant.id, role: 'admin' }]);
    const invitation = await invitationRow(id);
    expect(invitation.accepted_at).toEqual(clock.now());
    expect(invitation.accepted_user_id).toBe(user.id);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'tenant_id', 'target_id'])
      .where('action', '=', 'invitation.accept')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toEqual([{ actor_user_id: user.id, tenant_id: tenant.id, target_id: id }]);
    expect(await countRows(t.db)).toEqual({
      ...before,
      users: before.users! + 1,
      memberships: before.memberships! + 1,
      accepted_invitations: before.accepted_invitations! + 1,
      audit_events: before.audit_events! + 1,
    });
  });

  it('the new user can log in and lands in the partner tenant', async () => {
    const { token } = await invite('jiro@example.jp');
    await new TestClient(t.app).post(`/api/invitations/${token}/accept`, signUp);
    const c = new TestClient(t.app);
    const body = await c.login('jiro@example.jp', NEW_PASSWORD);
    expect(body.current).toEqual({
      organizationId: tenant.id,
      kind: 'partner',
      code: tenant.code,
      name: 'あおぞら販売',
      role: 'admin',
    });
    expect(body.memberships).toEqual([body.current]);
  });

  it('a link already used says so and changes nothing', async () => {
    const { token } = await invite('twice@example.jp');
    const visitor = new TestClient(t.app);
    expect((await visitor.post(`/api/invitations/${token}/accept`, signUp)).statusCode).toBe(200);
    const before = await countRows(t.db);
    const used = {
      error: {
        code: 'invitation_used',
        message: 'このURLは既に使用されています。ログイン画面からログインしてください。',
      },
    };
    const again = await visitor.post(`/api/invitations/${token}/accept`, {
      ...signUp,
      password: 'Another-Password-1',
      passwordConfirm: 'Another-Password-1',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual(used);
    const page = await visitor.get(`/api/invitations/${token}`);
    expect(page.statusCode).toBe(409);
    expect(page.json()).toEqual(used);
    expect(await countRows(t.db)).toEqual(before);
    // The first password still holds.
    await new TestClient(t.app).login('twice@example.jp', NEW_PASSWORD);
  });

  it('mismatched passwords are refused on the confirmation field and nothing is written', async () => {
    const { id, token } = await invite('mismatch@example.jp');
    const before = await countRows(t.db);
    const res = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
      ...signUp,
      passwordConfirm: `${NEW_PASSWORD}x`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation({ passwordConfirm: ['パスワードが一致しません。'] }));
    expect(await countRows(t.db)).toEqual(before);
    expect((await invitationRow(id)).accepted_at).toBeNull();
  });

  it('a password under 12 characters is refused', async () => {
    const { token } = await invite('short@example.jp');
    const res = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
      ...signUp,
      password: 'Short-1',
      passwordConfirm: 'Short-1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation({ password: ['パスワードは12文字以上で入力してください。'] }));
  });

  it('two simultaneous submissions of one link create exactly one user', async () => {
    const { token } = await invite('race@example.jp');
    const before = await countRows(t.db);
    const results = await Promise.all(
      [0, 1].map(() => new TestClient(t.app).post(`/api/invitations/${token}/accept`, signUp)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('invitation_used');
    const users = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'race@example.jp')
      .execute();
    expect(users).toHaveLength(1);
    expect(await countRows(t.db)).toEqual({
      ...before,
      users: before.users! + 1,
      memberships: before.memberships! + 1,
      accepted_invitations: before.accepted_invitations! + 1,
      audit_events: before.audit_events! + 1,
    });
  });

  it('answers in English when the browser asks for it', async () => {
    const res = await new TestClient(t.app).request('GET', `/api/invitations/${'x'.repeat(43)}`, undefined, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'invitation_not_found', message: 'This link is not valid.' },
    });
  });
});

describe('an invitation for an address that already has an account', () => {
  it('needs that account’s password: a wrong one is refused and writes nothing', async () => {
    const existing = await makeUser(
      t.db,
      'existing@example.jp',
      [{ organization: { id: otherTenant.id, tenant_id: otherTenant.id }, role: 'member' }],
      { name: '既存 一郎' },
    );
    const { id, token } = await invite('Existing@Example.jp');
    const visitor = new TestClient(t.app);
    const page = await visitor.get(`/api/invitations/${token}`);
    expect(page.json().userExists).toBe(true);

    const before = await countRows(t.db);
    const wrong = await visitor.post(`/api/invitations/${token}/accept`, signUp);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual(
      validation({ password: ['登録済みアカウントのパスワードを入力してください。'] }),
    );
    expect(await countRows(t.db)).toEqual(before);
    expect((await invitationRow(id)).accepted_at).toBeNull();

    const right = await visitor.post(`/api/invitations/${token}/accept`, {
      name: '別の 名前',
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
    });
    expect(right.statusCode).toBe(200);
    const memberships = await t.db
      .selectFrom('memberships')
      .select(['organization_id', 'role'])
      .where('user_id', '=', existing.id)
      .orderBy('organization_id')
      .execute();
    expect(memberships).toEqual(
      [
        { organization_id: tenant.id, role: 'admin' },
        { organization_id: otherTenant.id, role: 'member' },
      ].sort((a, b) => Number(a.organization_id) - Number(b.organization_id)),
    );
    // The account keeps its name and password; no second user appears.
    const user = await t.db
      .selectFrom('users')
      .select(['name', 'password_hash'])
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('既存 一郎');
    expect(await verifyPassword(user.password_hash, TEST_PASSWORD)).toBe(true);
    expect(await countRows(t.db)).toEqual({
      ...before,
      memberships: before.memberships! + 1,
      accepted_invitations: before.accepted_invitations! + 1,
      audit_events: before.audit_events! + 1,
    });
    expect((await invitationRow(id)).accepted_user_id).toBe(existing.id);
  });
});

describe('link expiry', () => {
  it('a link is still good one millisecond before seven days have passed', async () => {
    const start = clock.now();
    const { token } = await invite('just-in-time@example.jp');
    try {
      clock.advance(7 * DAY - 1);
      const visitor = new TestClient(t.app);
      expect((await visitor.get(`/api/invitations/${token}`)).statusCode).toBe(200);
      expect((await visitor.post(`/api/invitations/${token}/accept`, signUp)).statusCode).toBe(200);
    } finally {
      clock.set(start);
    }
  });

  it('an expired invitation link says so and changes nothing', async () => {
    const start = clock.now();
    const { id, token } = await invite('late@example.jp');
    try {
      clock.advance(7 * DAY + 1);
      const visitor = new TestClient(t.app);
      const before = await countRows(t.db);
      const expired = {
        error: {
          code: 'invitation_expired',
          message: 'このURLは有効期限切れです。管理者に再送を依頼してください。',
        },
      };
      const page = await visitor.get(`/api/invitations/${token}`);
      expect(page.statusCode).toBe(410);
      expect(page.json()).toEqual(expired);
      const post = await visitor.post(`/api/invitations/${token}/accept`, signUp);
      expect(post.statusCode).toBe(410);
      expect(post.json()).toEqual(expired);
      expect(await countRows(t.db)).toEqual(before);
      expect(await invitationRow(id)).toMatchObject({ accepted_at: null, accepted_user_id: null });
      expect(
        await t.db.selectFrom('users').select('id').where('email', '=', 'late@example.jp').execute(),
      ).toEqual([]);
    } finally {
      clock.set(start);
    }
  });
});
