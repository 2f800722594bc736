import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import {
  countRows,
  invitationTokenIn,
  latestMailTo,
  signedIn,
  steppedUp,
  validationError as validation,
} from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
const notFound = { error: { code: 'not_found', message: '対象が見つかりません。' } };
const forbidden = { error: { code: 'forbidden', message: 'この操作を行う権限がありません。' } };

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let adminA: { id: string };
let memberA: { id: string };
let adminB: { id: string };
let asA: TestClient;

let seq = 0;
const newUser = (extra: Record<string, unknown> = {}) => ({
  email: `user${++seq}@example.jp`,
  name: '追加　太郎',
  phone: '03-1234-5678',
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
  role: 'member',
  ...extra,
});

/**
 * Adds a user as tenant A's admin; answers the invitation's membership ID, the account's user ID
 * (read from the database: the admin is not told it) and the activation link token.
 */
async function add(extra: Record<string, unknown> = {}) {
  const body = newUser(extra);
  const res = await asA.post('/api/users', body);
  expect(res.statusCode).toBe(201);
  const token = invitationTokenIn((await latestMailTo(t.db, body.email as string)).body);
  const email = body.email as string;
  return { memberId: res.json().memberId as string, userId: await userIdOf(email), email, token };
}

const userIdOf = async (email: string) =>
  (
    await t.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirstOrThrow()
  ).id;

/** Adds and activates a user of tenant A; answers their user ID and address. */
async function addActive(extra: Record<string, unknown> = {}) {
  const added = await add(extra);
  await activate(added.email, added.token);
  return added;
}

/** The row of tenant A's list for an address. */
const rowOf = async (email: string, c: TestClient = asA) =>
  (await c.get(`/api/users?q=${encodeURIComponent(email)}`))
    .json()
    .items.find((u: { email: string }) => u.email.toLowerCase() === email.toLowerCase());

/** Completes the activation of an added user, as they would from the mail. */
async function activate(email: string, token: string) {
  const res = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
    email,
    name: '追加 太郎',
    phone: '0312345678',
    password: NEW_PASSWORD,
    passwordConfirm: NEW_PASSWORD,
  });
  expect(res.statusCode).toBe(200);
}

const membership = (userId: string, organizationId = tenantA.id) =>
  t.db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
const auditOf = (action: string, targetId: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'organization_id', 'action', 'details'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();
const statusOf = async (userId: string) => (await asA.get(`/api/users/${userId}`)).json().status as string;

beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  const operator = await makeOperator(t.db);
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  const customer = await makeCustomer(t.db, tenantA.id, 'ひかり工業');
  const a = { id: tenantA.id, tenant_id: tenantA.id };
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  await makeUser(t.db, 'support@example.jp', [{ organization: operator, role: 'support_agent' }]);
  adminA = await makeUser(t.db, 'admin-a@example.jp', [{ organization: a, role: 'admin' }], {
    name: '管理　花子',
  });
  memberA = await makeUser(t.db, 'member-a@example.jp', [{ organization: a, role: 'member' }], {
    name: '一般　次郎',
  });
  adminB = await makeUser(t.db, 'admin-b@example.jp', [
    { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'admin' },
  ]);
  await makeUser(t.db, 'customer-admin@example.jp', [{ organization: customer, role: 'admin' }]);
  await makeUser(t.db, 'customer-member@example.jp', [{ organization: customer, role: 'member' }]);
  asA = await steppedUp(t.app, 'admin-a@example.jp');
});
afterAll(() => t.close());

describe('who may administer users', () => {
  it.each([
    ['an operator admin', 'op@example.jp', 200],
    ['a partner admin', 'admin-a@example.jp', 200],
    ['a customer admin', 'customer-admin@example.jp', 200],
    ['a support agent', 'support@example.jp', 403],
    ['a partner member', 'member-a@example.jp', 403],
    ['a customer member', 'customer-member@example.jp', 403],
  ])('%s: %s', async (_who, email, status) => {
    const c = await signedIn(t.app, email);
    const res = await c.get('/api/users');
    expect(res.statusCode).toBe(status);
    if (status === 403) {
      expect(res.json()).toEqual(forbidden);
      // Refused before the body is looked at, so nothing about the schema leaks.
      expect((await c.post('/api/users', { bad: true })).json()).toEqual(forbidden);
      expect((await c.get('/api/user-groups')).statusCode).toBe(403);
    }
  });

  it('each admin sees only their own organisation', async () => {
    const customerAdmin = await signedIn(t.app, 'customer-admin@example.jp');
    const emails = (await customerAdmin.get('/api/users'))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(emails.sort()).toEqual(['customer-admin@example.jp', 'customer-member@example.jp']);
  });

  it('signed out is a 401', async () => {
    expect((await new TestClient(t.app).get('/api/users')).statusCode).toBe(401);
  });
});

describe('adding a user (002 ユーザー追加)', () => {
  it('creates the invited user and membership, mails the activation link and records it', async () => {
    const group = (await asA.post('/api/user-groups', { name: '営業' })).json();
    const before = await countRows(t.db);
    const res = await asA.post('/api/users', {
      email: 'New.Person@Example.jp',
      name: '新規　三郎',
      title: '課長',
      phone: '03-1111-2222',
      mobile: '090-1111-2222',
      locale: 'en',
      timeZone: 'Europe/London',
      role: 'admin',
      groupIds: [group.id],
      comment: '経理担当',
    });
    expect(res.statusCode).toBe(201);
    const { memberId } = res.json();
    expect(res.json()).toEqual({ memberId: expect.stringMatching(/^\d+$/), status: 'invited' });
    const userId = await userIdOf('New.Person@Example.jp');
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: 'New.Person@Example.jp',
      name: '新規　三郎',
      title: '課長',
      phone: '03-1111-2222',
      mobile: '090-1111-2222',
      locale: 'en',
      time_zone: 'Europe/London',
      password_hash: null,
    });
    expect(await membership(userId)).toMatchObject({ status: 'invited', role: 'admin', comment: '経理担当' });
    const mail = await latestMailTo(t.db, 'New.Person@Example.jp');
    expect(mail).toMatchObject({ template: 'activation', locale: 'en', tenant_id: tenantA.id });
    expect(mail.body).toContain('Expires: 08/06/2026, 01:00 BST');
    const invitation = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ kind: 'activation', invited_by: adminA.id, role: 'admin' });
    expect(await auditOf('user.add', userId)).toEqual([
      {
        actor_user_id: adminA.id,
        organization_id: tenantA.id,
        action: 'user.add',
        details: { email: 'New.Person@Example.jp', role: 'admin' },
      },
    ]);
    expect(await countRows(t.db)).toEqual({
      ...before,
      users: before.users! + 1,
      memberships: before.memberships! + 1,
      invitations: before.invitations! + 1,
      outbox: before.outbox! + 1,
      jobs: before.jobs! + 1,
      audit_events: before.audit_events! + 2,
    });
    // Until the person accepts, the list shows the invitation as the admin typed it, and the
    // account is not addressable by a user ID.
    expect(await rowOf('New.Person@Example.jp')).toEqual({
      memberId,
      userId: null,
      accountManaged: false,
      name: '新規　三郎',
      email: 'New.Person@Example.jp',
      role: 'admin',
      phone: null,
      mobile: null,
      title: null,
      status: 'invited',
      invitationExpiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
      lastLoginAt: null,
      groups: [{ id: group.id, name: '営業' }],
    });
    expect((await asA.get(`/api/users/${userId}`)).json()).toEqual(notFound);
  });

  it('an invited user shows as expired (サインアップ期間切れ) after 7 days, and active once activated', async () => {
    const { memberId, userId, email, token } = await add();
    expect((await rowOf(email)).status).toBe('invited');
    const start = clock.now();
    clock.advance(7 * DAY);
    try {
      // A week later the admin signs in again (the old session has timed out).
      const admin = await signedIn(t.app, 'admin-a@example.jp');
      expect((await rowOf(email, admin)).status).toBe('expired');
      const list = (await admin.get('/api/users?status=expired')).json();
      expect(list.items.map((u: { memberId: string }) => u.memberId)).toContain(memberId);
    } finally {
      clock.set(start);
    }
    await activate(email, token);
    expect(await statusOf(userId)).toBe('active');
  });

  it('an address that is already in the organisation is a 409 and nothing is written', async () => {
    const { email } = await add();
    for (const again of [email.toUpperCase(), 'member-a@example.jp']) {
      const before = await countRows(t.db);
      const res = await asA.post('/api/users', newUser({ email: again }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        error: { code: 'already_member', message: 'このメールアドレスのユーザーは既に登録されています。' },
      });
      expect(await countRows(t.db)).toEqual(before);
    }
  });

  it('a user of another organisation keeps their account untouched and is only invited to join', async () => {
    const other = await makeUser(t.db, 'b-staff@example.jp', [
      { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'member' },
    ]);
    const account = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    const before = await countRows(t.db);
    const res = await asA.post(
      '/api/users',
      newUser({
        email: 'B-Staff@example.jp',
        name: '別名　です',
        mobile: '090-9999-0000',
        mfaMethod: 'certificate',
      }),
    );
    // The same answer as for a new address: the new membership, nothing of the account.
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ memberId: expect.stringMatching(/^\d+$/), status: 'invited' });
    expect(res.json().memberId).not.toBe(other.id);
    expect(
      await t.db.selectFrom('users').selectAll().where('id', '=', other.id).executeTakeFirstOrThrow(),
    ).toEqual(account);
    expect((await countRows(t.db)).users).toBe(before.users);
    expect(await rowOf('b-staff@example.jp')).toMatchObject({
      userId: null,
      name: '別名　です',
      email: 'B-Staff@example.jp',
      phone: null,
      mobile: null,
      lastLoginAt: null,
      accountManaged: false,
      status: 'invited',
    });
    expect(await latestMailTo(t.db, 'b-staff@example.jp')).toMatchObject({ template: 'activation' });
  });

  it.each([
    [
      'a role of another kind of organisation',
      { role: 'operator_admin' },
      { role: ['この組織では選択できない権限です。'] },
    ],
    ['a missing phone', { phone: undefined }, { phone: ['入力してください。'] }],
    [
      'a full-width phone',
      { phone: '０３１２３４５６７８' },
      { phone: ['半角数字とハイフンで入力してください（数字10〜15桁）。'] },
    ],
    [
      'an unknown time zone',
      { timeZone: 'Asia/Nowhere' },
      { timeZone: ['タイムゾーンを選択してください。'] },
    ],
    ['a language we do not have', { locale: 'fr' }, { locale: ['入力内容が正しくありません。'] }],
    ['a name over 40 characters', { name: 'あ'.repeat(41) }, { name: ['入力できる文字数を超えています。'] }],
    [
      'a title over 100 characters',
      { title: 'あ'.repeat(101) },
      { title: ['入力できる文字数を超えています。'] },
    ],
    [
      'a comment over 500 characters',
      { comment: 'あ'.repeat(501) },
      { comment: ['入力できる文字数を超えています。'] },
    ],
    [
      'a group id that is not an id',
      { groupIds: ['abc'] },
      { 'groupIds.0': ['入力内容が正しくありません。'] },
    ],
  ])('%s is refused on its field and nothing is written', async (_case, change, fields) => {
    const before = await countRows(t.db);
    const res = await asA.post('/api/users', newUser(change));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation(fields));
    expect(await countRows(t.db)).toEqual(before);
  });

  it('another organisation’s group is a 404 and nothing is written', async () => {
    const asB = await signedIn(t.app, 'admin-b@example.jp');
    const groupB = (await asB.post('/api/user-groups', { name: 'B の班' })).json();
    const before = await countRows(t.db);
    const res = await asA.post('/api/users', newUser({ groupIds: [groupB.id] }));
    expect(res.statusCode).toBe(404);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('the operator adds operator staff with operator roles only', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    expect((await op.post('/api/users', newUser({ role: 'admin' }))).statusCode).toBe(400);
    const res = await op.post('/api/users', newUser({ role: 'support_agent' }));
    expect(res.statusCode).toBe(201);
    const mail = await t.db
      .selectFrom('outbox')
      .select('tenant_id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.tenant_id).toBeNull();
  });
});

describe('the user list', () => {
  let c: TestClient;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    // A tenant of its own, so the list holds exactly these people.
    const tenant = await makeTenant(t.db, 'つばめ通商');
    const org = { id: tenant.id, tenant_id: tenant.id };
    const mk = async (key: string, email: string, name: string, role: 'admin' | 'member') => {
      people[key] = (await makeUser(t.db, email, [{ organization: org, role }], { name })).id;
    };
    await mk('admin', 'z-admin@example.jp', 'あ　管理', 'admin');
    await mk('locked', 'y-locked@example.jp', 'い　施錠', 'member');
    await mk('disabled', 'x-disabled@example.jp', 'う　無効', 'member');
    await mk('active', 'w-active@example.jp', 'え　有効', 'member');
    await t.db
      .updateTable('users')
      .set({ locked_until: new Date(clock.now().getTime() + 3600_000), failed_login_count: 10 })
      .where('id', '=', people.locked!)
      .execute();
    await t.db
      .updateTable('memberships')
      .set({ status: 'disabled' })
      .where('user_id', '=', people.disabled!)
      .execute();
    c = await steppedUp(t.app, 'z-admin@example.jp');
    const added = await c.post('/api/users', newUser({ email: 'v-invited@example.jp', name: 'お　招待' }));
    people.invited = added.json().memberId;
    const group = (await c.post('/api/user-groups', { name: '班1' })).json();
    const group2 = (await c.post('/api/user-groups', { name: '班0' })).json();
    await c.put(`/api/user-groups/${group.id}/members`, { userIds: [people.active, people.admin] });
    await c.put(`/api/user-groups/${group2.id}/members`, { userIds: [people.active] });
  });

  const ids = async (query: string) => {
    const res = await c.get(`/api/users${query}`);
    expect(res.statusCode).toBe(200);
    return { keys: res.json().items.map(keyOf), total: res.json().total };
  };
  /** A row's person: by user ID, or by membership ID while invited. */
  const keyOf = (u: { userId: string | null; memberId: string }) => key(u.userId ?? u.memberId);
  const key = (id: string) => Object.entries(people).find(([, v]) => v === id)?.[0];

  it('shows every person with status and groups, sorted by name', async () => {
    const res = await c.get('/api/users');
    const items = res.json().items;
    expect(items.map(keyOf)).toEqual(['admin', 'locked', 'disabled', 'active', 'invited']);
    expect(items.map((u: { status: string }) => u.status)).toEqual([
      'active',
      'locked',
      'disabled',
      'active',
      'invited',
    ]);
    expect(items[3].groups.map((g: { name: string }) => g.name)).toEqual(['班0', '班1']);
    expect(items[0]).toEqual({
      memberId: expect.stringMatching(/^\d+$/),
      userId: people.admin,
      accountManaged: true,
      name: 'あ　管理',
      email: 'z-admin@example.jp',
      role: 'admin',
      phone: null,
      mobile: null,
      title: null,
      status: 'active',
      invitationExpiresAt: null,
      lastLoginAt: clock.now().toISOString(),
      groups: [expect.objectContaining({ name: '班1' })],
    });
    expect(res.json().total).toBe(5);
  });

  it.each([
    ['?status=locked', ['locked']],
    ['?status=disabled', ['disabled']],
    ['?status=invited', ['invited']],
    ['?status=active', ['admin', 'active']],
    ['?sort=email&order=asc', ['invited', 'active', 'disabled', 'locked', 'admin']],
    ['?sort=status&order=asc', ['admin', 'active', 'disabled', 'invited', 'locked']],
    ['?sort=role&order=asc&pageSize=1', ['admin']],
    ['?q=%E6%96%BD%E9%8C%A0', ['locked']],
    ['?q=W-ACTIVE', ['active']],
    ['?q=%25', []],
    ['?pageSize=2&page=2', ['disabled', 'active']],
  ])('%s', async (query, expected) => {
    const got = await ids(query);
    expect(got.keys).toEqual(expected);
    if (!query.includes('page')) expect(got.total).toBe(expected.length);
  });

  it('counts the total before paging', async () => {
    expect(await ids('?pageSize=2&page=3')).toEqual({ keys: ['invited'], total: 5 });
  });

  it.each(['page=0', 'pageSize=101', 'sort=phone', 'status=gone', `q=${'a'.repeat(101)}`, 'extra=1'])(
    'refuses %s',
    async (query) => {
      expect((await c.get(`/api/users?${query}`)).statusCode).toBe(400);
    },
  );

  it('unlock clears the lock and is audited as user.unlock', async () => {
    const res = await c.post(`/api/users/${people.locked}/unlock`);
    expect(res.statusCode).toBe(204);
    const row = await t.db
      .selectFrom('users')
      .select(['failed_login_count', 'locked_until'])
      .where('id', '=', people.locked!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_login_count: 0, locked_until: null });
    expect((await auditOf('user.unlock', people.locked!)).map((a) => a.action)).toEqual(['user.unlock']);
    expect((await ids('?status=locked')).keys).toEqual([]);
    await signedIn(t.app, 'y-locked@example.jp');
  });
});

describe('another organisation’s user', () => {
  it('is a 404 on every user route, and nothing changes', async () => {
    const asB = await signedIn(t.app, 'admin-b@example.jp');
    const memberB = (await membership(adminB.id, tenantB.id))!.id;
    const bInA = await asB.get('/api/users');
    const before = await countRows(t.db);
    const userRow = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', adminB.id)
      .executeTakeFirstOrThrow();
    const calls: [string, string, unknown][] = [
      ['GET', `/api/users/${adminB.id}`, undefined],
      ['PATCH', `/api/users/${adminB.id}`, { name: '乗っ取り' }],
      ['POST', `/api/users/${adminB.id}/disable`, undefined],
      ['POST', `/api/users/${adminB.id}/enable`, undefined],
      ['POST', `/api/users/${adminB.id}/unlock`, undefined],
      ['POST', `/api/users/invitations/${memberB}/resend`, undefined],
      ['POST', `/api/users/invitations/${memberB}/cancel`, undefined],
      ['POST', `/api/users/${adminB.id}/temporary-password`, undefined],
      ['PATCH', '/api/users/999999999', { name: '不明' }],
    ];
    for (const [method, url, body] of calls) {
      const res = await asA.request(method as 'GET', url, body);
      expect({ url, status: res.statusCode, body: res.json() }).toEqual({ url, status: 404, body: notFound });
    }
    expect(await countRows(t.db)).toEqual(before);
    expect(
      await t.db.selectFrom('users').selectAll().where('id', '=', adminB.id).executeTakeFirstOrThrow(),
    ).toEqual(userRow);
    expect((await asB.get('/api/users')).json()).toEqual(bInA.json());
  });
});

describe('editing a user', () => {
  it('changes profile, role, comment and groups, and answers the detail', async () => {
    const { userId } = await addActive();
    const g = (await asA.post('/api/user-groups', { name: '編集班' })).json();
    const res = await asA.request('PATCH', `/api/users/${userId}`, {
      name: '変更　後',
      title: '部長',
      mobile: '',
      role: 'admin',
      groupIds: [g.id],
      comment: 'メモ',
      timeZone: 'UTC',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '変更　後',
      title: '部長',
      mobile: null,
      role: 'admin',
      comment: 'メモ',
      timeZone: 'UTC',
      phone: '03-1234-5678',
      groups: [{ id: g.id, name: '編集班' }],
    });
    expect(await auditOf('user.update', userId)).toEqual([
      expect.objectContaining({
        details: { fields: ['name', 'title', 'mobile', 'timeZone', 'role', 'groupIds', 'comment'] },
      }),
    ]);
    const cleared = await asA.request('PATCH', `/api/users/${userId}`, { groupIds: [] });
    expect(cleared.json().groups).toEqual([]);
  });

  it('an admin changes neither their own role nor their own account here (the account page does)', async () => {
    const before = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', adminA.id)
      .executeTakeFirstOrThrow();
    for (const change of [{ role: 'member' }, { title: '社長' }, { mfaMethod: null }, { name: '別　人' }]) {
      const res = await asA.request('PATCH', `/api/users/${adminA.id}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        error: {
          code: 'cannot_change_self',
          message:
            'ご自身のアカウントはユーザ管理では変更できません（権限・無効化・仮パスワード・ロック解除・二要素認証のリセット）。アカウント設定から変更してください。',
        },
      });
    }
    expect((await membership(adminA.id))!.role).toBe('admin');
    expect(
      await t.db.selectFrom('users').selectAll().where('id', '=', adminA.id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    // The membership's own fields stay the organisation's.
    expect((await asA.request('PATCH', `/api/users/${adminA.id}`, { comment: '代表' })).statusCode).toBe(200);
  });

  it('a role change needs the password re-entered', async () => {
    const { userId } = await addActive();
    const fresh = await signedIn(t.app, 'admin-a@example.jp');
    const res = await fresh.request('PATCH', `/api/users/${userId}`, { role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('reauth_required');
    expect((await membership(userId))!.role).toBe('member');
    expect((await fresh.post('/api/me/reauth', { password: TEST_PASSWORD })).statusCode).toBe(204);
    expect((await fresh.request('PATCH', `/api/users/${userId}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await membership(userId))!.role).toBe('admin');
  });

  it('an empty change is refused', async () => {
    const res = await asA.request('PATCH', `/api/users/${memberA.id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation({ _: ['1つ以上の項目を変更してください。'] }));
  });
});

describe('disabling and enabling', () => {
  it('disabling ends the user’s sessions in this organisation and keeps them out; enabling lets them back', async () => {
    const { userId, email, token } = await add();
    await activate(email, token);
    const user = await signedIn(t.app, email, NEW_PASSWORD);
    expect((await user.get('/api/session')).json().current.code).toBe(tenantA.code);

    const res = await asA.post(`/api/users/${userId}/disable`);
    expect(res.statusCode).toBe(204);
    expect(await membership(userId)).toMatchObject({ status: 'disabled', disabled_at: clock.now() });
    expect((await user.get('/api/session')).json()).toEqual({ user: null });
    expect(
      (await new TestClient(t.app).post('/api/auth/login', { email, password: NEW_PASSWORD })).statusCode,
    ).toBe(401);
    expect(await statusOf(userId)).toBe('disabled');
    expect(await auditOf('user.disable', userId)).toEqual([
      expect.objectContaining({ actor_user_id: adminA.id, details: { endedSessions: 1 } }),
    ]);

    expect((await asA.post(`/api/users/${userId}/enable`)).statusCode).toBe(204);
    expect(await statusOf(userId)).toBe('active');
    expect((await auditOf('user.enable', userId)).length).toBe(1);
    await signedIn(t.app, email, NEW_PASSWORD);
  });

  it('a disabled membership cannot be chosen by a user of several organisations', async () => {
    const both = await makeUser(t.db, 'both@example.jp', [
      { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'member' },
      { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'member' },
    ]);
    const c = await signedIn(t.app, 'both@example.jp');
    expect((await c.post('/api/session/organization', { organizationId: tenantA.id })).statusCode).toBe(200);
    await asA.post(`/api/users/${both.id}/disable`);
    // The session that was in A lost its scope; the user can still work in B.
    const after = await signedIn(t.app, 'both@example.jp');
    expect((await after.get('/api/session')).json().memberships.map((m: { code: string }) => m.code)).toEqual(
      [tenantB.code],
    );
    expect((await after.post('/api/session/organization', { organizationId: tenantA.id })).statusCode).toBe(
      404,
    );
  });

  it('an admin cannot disable themselves; an invitation is not a member yet (cancelled instead)', async () => {
    const self = await asA.post(`/api/users/${adminA.id}/disable`);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot_change_self');
    const { userId, memberId } = await add();
    expect((await asA.post(`/api/users/${userId}/disable`)).json()).toEqual(notFound);
    expect(await membership(userId)).toMatchObject({ id: memberId, status: 'invited' });
  });
});

describe('invitations of added users', () => {
  it('re-send ends the old link and mails a new 7-day one', async () => {
    const { memberId, userId, email, token } = await add();
    const start = clock.now();
    clock.advance(DAY);
    const admin = await signedIn(t.app, 'admin-a@example.jp');
    const res = await admin.post(`/api/users/invitations/${memberId}/resend`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString() });
    clock.set(start);
    const fresh = invitationTokenIn((await latestMailTo(t.db, email)).body);
    expect(fresh).not.toBe(token);
    expect((await new TestClient(t.app).get(`/api/invitations/${token}`)).statusCode).toBe(410);
    expect((await new TestClient(t.app).get(`/api/invitations/${fresh}`)).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'action'])
      .where('action', '=', 'invitation.resend')
      .where('details', '@>', JSON.stringify({ userId }) as never)
      .execute();
    expect(audit).toEqual([{ actor_user_id: adminA.id, action: 'invitation.resend' }]);
  });

  it('re-send and cancel know only open invitations: a member’s membership is a 404', async () => {
    const memberId = (await membership(memberA.id))!.id;
    expect((await asA.post(`/api/users/invitations/${memberId}/resend`)).json()).toEqual(notFound);
    expect((await asA.post(`/api/users/invitations/${memberId}/cancel`)).json()).toEqual(notFound);
    expect(await membership(memberA.id)).toMatchObject({ status: 'active' });
  });

  it('cancel removes the invited membership and a user that has nothing else; the link says cancelled', async () => {
    const { memberId, userId, token } = await add();
    const before = await countRows(t.db);
    expect((await asA.post(`/api/users/invitations/${memberId}/cancel`)).statusCode).toBe(204);
    expect(await membership(userId)).toBeUndefined();
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
    ).toBeUndefined();
    const link = await new TestClient(t.app).get(`/api/invitations/${token}`);
    expect(link.statusCode).toBe(410);
    expect(link.json().error.code).toBe('invitation_cancelled');
    expect(await countRows(t.db)).toEqual({
      ...before,
      users: before.users! - 1,
      memberships: before.memberships! - 1,
      audit_events: before.audit_events! + 1,
    });
    expect((await asA.get(`/api/users/${userId}`)).statusCode).toBe(404);
  });

  it('cancel keeps an account that belongs elsewhere', async () => {
    const res = await asA.post('/api/users', newUser({ email: 'customer-member@example.jp' }));
    const { memberId } = res.json();
    const userId = await userIdOf('customer-member@example.jp');
    expect((await asA.post(`/api/users/invitations/${memberId}/cancel`)).statusCode).toBe(204);
    expect(await membership(userId)).toBeUndefined();
    await signedIn(t.app, 'customer-member@example.jp');
  });
});

describe('temporary password', () => {
  it('is shown once, works, and must be changed at the next sign-in', async () => {
    const { userId, email, token } = await add();
    await activate(email, token);
    const user = await signedIn(t.app, email, NEW_PASSWORD);
    const res = await asA.post(`/api/users/${userId}/temporary-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9\-_!#%+=?@]{16}$/);
    expect((await user.get('/api/session')).json()).toEqual({ user: null });
    const again = await new TestClient(t.app).login(email, temporaryPassword);
    expect(again.pendingActions).toContain('changePassword');
    expect(await auditOf('user.temporary_password', userId)).toHaveLength(1);
    const stored = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('target_id', '=', userId)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(temporaryPassword);
  });

  it('is refused for an invitation (not a member yet) and without the password re-entered', async () => {
    const { userId } = await add();
    expect((await asA.post(`/api/users/${userId}/temporary-password`)).json()).toEqual(notFound);
    const active = await addActive();
    const fresh = await signedIn(t.app, 'admin-a@example.jp');
    const res = await fresh.post(`/api/users/${active.userId}/temporary-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('reauth_required');
    expect(await auditOf('user.temporary_password', active.userId)).toHaveLength(0);
  });
});

describe('the activation link of an added user signs them in to this organisation', () => {
  it('after activation the user logs in with the new password', async () => {
    const { email, token } = await add({ role: 'admin' });
    await activate(email, token);
    const body = await new TestClient(t.app).login(email, NEW_PASSWORD);
    expect(body.current).toMatchObject({ code: tenantA.code, role: 'admin' });
  });

  it('a user not yet activated cannot log in', async () => {
    const { email } = await add();
    expect(
      (await new TestClient(t.app).post('/api/auth/login', { email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
  });
});

describe('a person who belongs to another organisation (accounts are the person’s)', () => {
  /** Tenant B's admin invites one of tenant A's people; answers what A sees before anything. */
  async function invitedByB(email: string) {
    const asB = await steppedUp(t.app, 'admin-b@example.jp');
    const person = await makeUser(
      t.db,
      email,
      [{ organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'member' }],
      {
        name: '甲組　社員',
      },
    );
    await t.db
      .updateTable('users')
      .set({ phone: '03-5555-0000', mfa_method: 'totp' })
      .where('id', '=', person.id)
      .execute();
    const res = await asB.post(
      '/api/users',
      newUser({ email, name: '乙組　偽名', phone: '03-0000-9999', mfaMethod: null }),
    );
    expect(res.statusCode).toBe(201);
    return { asB, person, memberId: res.json().memberId as string };
  }
  const accountOf = (userId: string) =>
    t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

  it('before acceptance, B sees and does nothing but its invitation', async () => {
    const { asB, person, memberId } = await invitedByB('kou-1@example.jp');
    const account = await accountOf(person.id);
    const aView = (await asA.get(`/api/users/${person.id}`)).json();
    const row = (await asB.get('/api/users?q=kou-1')).json().items;
    expect(row).toEqual([
      expect.objectContaining({
        memberId,
        userId: null,
        name: '乙組　偽名',
        phone: null,
        lastLoginAt: null,
        accountManaged: false,
      }),
    ]);
    for (const [method, url, body] of [
      ['GET', `/api/users/${person.id}`, undefined],
      ['PATCH', `/api/users/${person.id}`, { name: '乗っ取り' }],
      ['PATCH', `/api/users/${person.id}`, { mfaMethod: 'certificate' }],
      ['POST', `/api/users/${person.id}/mfa/reset`, undefined],
      ['POST', `/api/users/${person.id}/unlock`, undefined],
      ['POST', `/api/users/${person.id}/temporary-password`, undefined],
      ['POST', `/api/users/${person.id}/disable`, undefined],
      ['POST', `/api/users/${person.id}/certificates`, undefined],
    ] as const) {
      const res = await asB.request(method, url, body);
      expect({ url, method, status: res.statusCode }).toEqual({ url, method, status: 404 });
    }
    expect((await asB.post(`/api/users/invitations/${memberId}/resend`)).statusCode).toBe(201);
    expect(await accountOf(person.id)).toEqual(account);
    expect((await asA.get(`/api/users/${person.id}`)).json()).toEqual(aView);
    expect((await asB.post(`/api/users/invitations/${memberId}/cancel`)).statusCode).toBe(204);
    expect(await accountOf(person.id)).toEqual(account);
  });

  it('after acceptance, B manages its membership only; the account stays with A, its home', async () => {
    const { asB, person } = await invitedByB('kou-2@example.jp');
    const token = invitationTokenIn((await latestMailTo(t.db, 'kou-2@example.jp')).body);
    const accepted = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
      password: TEST_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    const account = await accountOf(person.id);
    const aView = (await asA.get(`/api/users/${person.id}`)).json();
    // A directory entry: name, address, role and status here, groups; nothing more.
    expect((await asB.get(`/api/users/${person.id}`)).json()).toMatchObject({
      userId: person.id,
      name: '甲組　社員',
      email: 'kou-2@example.jp',
      accountManaged: false,
      phone: null,
      mobile: null,
      title: null,
      locale: null,
      timeZone: null,
      mfaMethod: null,
      lastLoginAt: null,
      status: 'active',
    });
    const shared = { error: { code: 'shared_account', message: expect.stringContaining('本人のみ') } };
    for (const [method, url, body] of [
      ['PATCH', `/api/users/${person.id}`, { name: '乗っ取り' }],
      ['PATCH', `/api/users/${person.id}`, { mfaMethod: 'certificate' }],
      ['PATCH', `/api/users/${person.id}`, { phone: '03-9999-9999', role: 'member' }],
      ['POST', `/api/users/${person.id}/mfa/reset`, undefined],
      ['POST', `/api/users/${person.id}/unlock`, undefined],
      ['POST', `/api/users/${person.id}/temporary-password`, undefined],
      ['POST', `/api/users/${person.id}/certificates`, undefined],
    ] as const) {
      const res = await asB.request(method, url, body);
      expect({ url, method, status: res.statusCode, body: res.json() }).toEqual({
        url,
        method,
        status: 409,
        body: shared,
      });
    }
    expect(await accountOf(person.id)).toEqual(account);
    // The membership in B is B's: comment, role, disabling.
    expect(
      (await asB.request('PATCH', `/api/users/${person.id}`, { comment: '乙組の窓口', role: 'admin' }))
        .statusCode,
    ).toBe(200);
    expect((await asB.post(`/api/users/${person.id}/disable`)).statusCode).toBe(204);
    expect(await accountOf(person.id)).toEqual(account);
    expect((await asA.get(`/api/users/${person.id}`)).json()).toEqual(aView);
    expect(aView).toMatchObject({ accountManaged: true, phone: '03-5555-0000', mfaMethod: 'totp' });
    await signedIn(t.app, 'kou-2@example.jp');
    // The home organisation still manages the account.
    const byA = await asA.request('PATCH', `/api/users/${person.id}`, { phone: '03-5555-1111' });
    expect(byA.statusCode).toBe(200);
    expect((await accountOf(person.id)).phone).toBe('03-5555-1111');
  });

  it('an account created by another organisation’s invitation has that organisation as its home', async () => {
    const { userId } = await addActive();
    const account = await accountOf(userId);
    expect(account.home_organization_id).toBe(tenantA.id);
  });

  it('the admin’s own account: no temporary password, second-factor reset or unlock here', async () => {
    for (const action of ['temporary-password', 'mfa/reset', 'unlock']) {
      const res = await asA.post(`/api/users/${adminA.id}/${action}`);
      expect({ action, status: res.statusCode, code: res.json().error.code }).toEqual({
        action,
        status: 409,
        code: 'cannot_change_self',
      });
    }
  });

  it('unlock and second-factor reset need the password re-entered', async () => {
    const { userId } = await addActive();
    const fresh = await signedIn(t.app, 'admin-a@example.jp');
    for (const action of ['unlock', 'mfa/reset']) {
      const res = await fresh.post(`/api/users/${userId}/${action}`);
      expect({ action, status: res.statusCode, code: res.json().error.code }).toEqual({
        action,
        status: 403,
        code: 'reauth_required',
      });
    }
  });
});
