import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardPolicy } from '../../../common/password-policy.js';
import { fixedClock } from '../../platform/clock.js';
import { verifyPassword } from '../../platform/passwords.js';
import { makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import {
  countRows,
  invitationTokenIn,
  latestMailTo,
  validationError as validation,
} from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createInvitation, type InvitedProfile } from './create-invitation.js';
import { reissueInvitation } from './reissue-invitation.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'Blue-Kite-Sings-77';
const signUp = { name: '招待　花子', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
const error = (code: string, message: string) => ({ error: { code, message } });
const cancelled = error('invitation_cancelled', 'このURLは取り消されました。管理者にお問い合わせください。');
const mismatch = error('identity_mismatch', '入力された情報が登録内容と一致しません。');

let lastIp = 0;
/** A browser from its own address: the per-address rate limit of link routes stays out of the way. */
class Visitor extends TestClient {
  private readonly ip = `10.9.${++lastIp >> 8}.${lastIp & 255}`;
  override request(...[method, url, body, headers]: Parameters<TestClient['request']>) {
    return super.request(method, url, body, { 'x-forwarded-for': this.ip, ...headers });
  }
}
const newVisitor = () => new Visitor(t.app);

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let otherTenant: Awaited<ReturnType<typeof makeTenant>>;
let opUser: { id: string };

/** Invites `email` into the tenant as the operator or an admin would; returns the raw link token. */
async function invite(
  email: string,
  options: { kind?: 'signup' | 'activation'; profile?: InvitedProfile; to?: typeof tenant } = {},
) {
  const to = options.to ?? tenant;
  const created = await t.db.transaction().execute((trx) =>
    createInvitation(trx, t.deps, {
      organization: { id: to.id, code: to.code, name: to.name, tenantId: to.id },
      email,
      role: 'admin',
      invitedBy: opUser.id,
      ip: null,
      kind: options.kind,
      profile: options.profile,
    }),
  );
  return { ...created, token: created.url.split('/invitations/')[1]! };
}

/** An admin-added user (ID-7): registered name and phone, activation link. */
const activation = (email: string, name = '開通　一郎') =>
  invite(email, { kind: 'activation', profile: { name, phone: '03-1234-5678' } });
const identity = (email: string) => ({ email, name: '開通 一郎', phone: '0312345678' });

const invitationRow = (id: string) =>
  t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const membershipStatus = async (id: string) =>
  (await t.db.selectFrom('memberships').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
const userByEmail = (email: string) =>
  t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

/** Runs `fn` with the clock moved by `ms`, then puts it back. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const start = clock.now();
  clock.advance(ms);
  try {
    return await fn();
  } finally {
    clock.set(start);
  }
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { TRUST_PROXY: '127.0.0.1' } });
  const operator = await makeOperator(t.db);
  opUser = await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
  otherTenant = await makeTenant(t.db, 'かわせみ商事');
});
afterAll(() => t.close());

describe('opening an invitation link', () => {
  it('a sign-up link shows the tenant, the address and the password rules, and is not used up', async () => {
    const { id, token } = await invite('hanako@example.jp');
    const visitor = newVisitor();
    const expected = {
      kind: 'signup',
      email: 'hanako@example.jp',
      organizationCode: tenant.code,
      organizationName: 'あおぞら販売',
      organizationKind: 'partner',
      expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
      passwordPolicy: standardPolicy,
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
    expect(res.json()).toEqual({ ok: true, name: '招待　花子', email: 'hanako@example.jp' });
  });

  it('an activation link does not tell whose it is: the identity check comes first', async () => {
    const { token } = await activation('whose@example.jp');
    const res = await newVisitor().get(`/api/invitations/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'activation', email: null, userExists: false });
  });

  it('shows the organisation’s own password policy', async () => {
    await t.db
      .insertInto('password_policies')
      .values({
        organization_id: otherTenant.id,
        profile: 'nist',
        min_length: 15,
        require_lower: false,
        require_upper: false,
        require_digit: false,
        require_symbol: false,
        history_count: 0,
      })
      .execute();
    const { token } = await invite('nist@example.jp', { to: otherTenant });
    const res = await newVisitor().get(`/api/invitations/${token}`);
    expect(res.json().passwordPolicy).toEqual({
      ...standardPolicy,
      ...{ profile: 'nist', minLength: 15 },
      requireLower: false,
      requireUpper: false,
      requireDigit: false,
      requireSymbol: false,
      historyCount: 0,
    });
  });

  it('an unknown or tampered token is not found', async () => {
    const { token } = await invite('tampered@example.jp');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const visitor = newVisitor();
    const before = await countRows(t.db);
    for (const res of [
      await visitor.get(`/api/invitations/${tampered}`),
      await visitor.post(`/api/invitations/${tampered}/accept`, signUp),
      await visitor.post(`/api/invitations/${tampered}/verify`, identity('tampered@example.jp')),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(error('invitation_not_found', 'このURLは無効です。'));
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it.each([
    ['too short', 'abc'],
    ['with characters a token never has', `${'a'.repeat(30)}!*`],
    ['with a dot', `${'a'.repeat(30)}.json`],
  ])('a malformed token (%s) is refused as bad input', async (_case, token) => {
    const visitor = newVisitor();
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
    const visitor = newVisitor();
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

describe('signing up from an invitation link (ID-6, 001 §2.2)', () => {
  it('the invited user exists up front; sign-up fills the profile, sets the password and activates the membership', async () => {
    const { id, token, userId, membershipId } = await invite('Taro@Example.jp');
    expect(await userByEmail('Taro@Example.jp')).toMatchObject({ name: '', password_hash: null });
    expect(await membershipStatus(membershipId)).toBe('invited');
    const before = await countRows(t.db);
    const res = await newVisitor().post(`/api/invitations/${token}/accept`, {
      name: '　招待　太郎　',
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
      company: 'パートナーA',
      department: '営業部',
      phone: '03-1234-5678',
      note: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, name: '招待　太郎', email: 'Taro@Example.jp' });

    const user = await userByEmail('Taro@Example.jp');
    expect(user).toMatchObject({
      id: userId,
      name: '招待　太郎',
      company: 'パートナーA',
      department: '営業部',
      phone: '03-1234-5678',
      note: null,
      password_hash: expect.stringMatching(/^\$argon2id\$/),
      password_changed_at: clock.now(),
      must_change_password: false,
      locale: 'ja',
      time_zone: 'Asia/Tokyo',
    });
    expect(await verifyPassword(user.password_hash, NEW_PASSWORD)).toBe(true);
    const history = await t.db
      .selectFrom('password_history')
      .select('user_id')
      .where('user_id', '=', userId)
      .execute();
    expect(history).toHaveLength(1);
    expect(await membershipStatus(membershipId)).toBe('active');
    const invitation = await invitationRow(id);
    expect(invitation.accepted_at).toEqual(clock.now());
    expect(invitation.accepted_user_id).toBe(userId);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'tenant_id', 'target_id'])
      .where('action', '=', 'invitation.accept')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toEqual([{ actor_user_id: userId, tenant_id: tenant.id, target_id: id }]);
    expect(await countRows(t.db)).toEqual({
      ...before,
      accepted_invitations: before.accepted_invitations! + 1,
      audit_events: before.audit_events! + 1,
    });
  });

  it('the new user can log in and lands in the partner tenant', async () => {
    const { token } = await invite('jiro@example.jp');
    await newVisitor().post(`/api/invitations/${token}/accept`, signUp);
    const c = newVisitor();
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

  it('an invited user cannot log in before signing up', async () => {
    await invite('early@example.jp');
    const res = await newVisitor().post('/api/auth/login', {
      email: 'early@example.jp',
      password: 'x',
    });
    expect(res.statusCode).toBe(401);
  });

  it('a link already used says so and changes nothing', async () => {
    const { token } = await invite('twice@example.jp');
    const visitor = newVisitor();
    expect((await visitor.post(`/api/invitations/${token}/accept`, signUp)).statusCode).toBe(200);
    const before = await countRows(t.db);
    const used = error(
      'invitation_used',
      'このURLは既に使用されています。ログイン画面からログインしてください。',
    );
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
    await newVisitor().login('twice@example.jp', NEW_PASSWORD);
  });

  it.each([
    [
      'mismatched passwords',
      { passwordConfirm: `${NEW_PASSWORD}x` },
      { passwordConfirm: ['パスワードが一致しません。'] },
    ],
    [
      'a half-width space in the name',
      { name: '招待 花子' },
      { name: ['全角で入力し、姓と名の間に全角空白を1つ入れてください。'] },
    ],
    [
      'no space in the name',
      { name: '招待花子' },
      { name: ['全角で入力し、姓と名の間に全角空白を1つ入れてください。'] },
    ],
    [
      'two spaces in the name',
      { name: '招待　　花子' },
      { name: ['全角で入力し、姓と名の間に全角空白を1つ入れてください。'] },
    ],
    [
      'half-width kana',
      { name: 'ｼｮｳﾀｲ　花子' },
      { name: ['全角で入力し、姓と名の間に全角空白を1つ入れてください。'] },
    ],
    [
      'half-width letters',
      { name: 'Hanako　招待' },
      { name: ['全角で入力し、姓と名の間に全角空白を1つ入れてください。'] },
    ],
    [
      'a name over 40 characters',
      { name: `${'あ'.repeat(20)}　${'い'.repeat(20)}` },
      { name: ['入力できる文字数を超えています。'] },
    ],
    [
      'full-width digits in the phone',
      { phone: '０３１２３４５６７８' },
      { phone: ['半角数字とハイフンで入力してください（数字10〜15桁）。'] },
    ],
    [
      'too few digits in the phone',
      { phone: '03-1234' },
      { phone: ['半角数字とハイフンで入力してください（数字10〜15桁）。'] },
    ],
    [
      'a company over 100 characters',
      { company: 'あ'.repeat(101) },
      { company: ['入力できる文字数を超えています。'] },
    ],
    [
      'a note over 1000 characters',
      { note: 'あ'.repeat(1001) },
      { note: ['入力できる文字数を超えています。'] },
    ],
    ['an unknown field', { role: 'operator_admin' }, { role: ['この項目は受け付けられません。'] }],
    ['a missing name', { name: undefined }, { name: ['入力してください。'] }],
  ])('%s is refused on its field and nothing is written', async (_case, change, fields) => {
    const { id, token, membershipId } = await invite(`bad-${Math.random().toString(36).slice(2)}@example.jp`);
    const before = await countRows(t.db);
    const res = await newVisitor().post(`/api/invitations/${token}/accept`, {
      ...signUp,
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation(fields));
    expect(await countRows(t.db)).toEqual(before);
    expect((await invitationRow(id)).accepted_at).toBeNull();
    expect(await membershipStatus(membershipId)).toBe('invited');
  });

  it('a password breaking the policy names each broken rule', async () => {
    const { token } = await invite('sakura.yamada@example.jp');
    const res = await newVisitor().post(`/api/invitations/${token}/accept`, {
      ...signUp,
      password: 'sakura.yamada',
      passwordConfirm: 'sakura.yamada',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(
      validation({
        password: [
          'パスワードの条件を満たしていません。',
          '英大文字を含む',
          '数字を含む',
          'ユーザー名・メールアドレスの一部を含まない',
        ],
      }),
    );
    expect((await userByEmail('sakura.yamada@example.jp')).password_hash).toBeNull();
  });

  it('two simultaneous submissions of one link set one password', async () => {
    const { token } = await invite('race@example.jp');
    const before = await countRows(t.db);
    const results = await Promise.all(
      [0, 1].map(() => newVisitor().post(`/api/invitations/${token}/accept`, signUp)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('invitation_used');
    expect(await countRows(t.db)).toEqual({
      ...before,
      accepted_invitations: before.accepted_invitations! + 1,
      audit_events: before.audit_events! + 1,
    });
  });

  it('answers in English when the browser asks for it', async () => {
    const res = await newVisitor().request('GET', `/api/invitations/${'x'.repeat(43)}`, undefined, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(error('invitation_not_found', 'This link is not valid.'));
    const { token } = await invite('english@example.jp');
    const bad = await newVisitor().request(
      'POST',
      `/api/invitations/${token}/accept`,
      { ...signUp, name: 'Hanako Shotai' },
      { 'accept-language': 'en' },
    );
    expect(bad.json().error.fields).toEqual({
      name: ['Use full-width characters with one full-width space between family and given name.'],
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
    const { id, token, userId, membershipId } = await invite('Existing@Example.jp');
    expect(userId).toBe(existing.id);
    const visitor = newVisitor();
    expect((await visitor.get(`/api/invitations/${token}`)).json().userExists).toBe(true);

    const before = await countRows(t.db);
    const wrong = await visitor.post(`/api/invitations/${token}/accept`, { password: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual(
      validation({ password: ['登録済みアカウントのパスワードを入力してください。'] }),
    );
    expect(await countRows(t.db)).toEqual(before);
    expect(await membershipStatus(membershipId)).toBe('invited');

    // The sign-up fields the page may still send are ignored.
    const right = await visitor.post(`/api/invitations/${token}/accept`, {
      ...signUp,
      password: TEST_PASSWORD,
    });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ ok: true, name: '既存 一郎', email: 'existing@example.jp' });
    expect(await membershipStatus(membershipId)).toBe('active');
    const user = await userByEmail('existing@example.jp');
    expect(user.name).toBe('既存 一郎');
    expect(await verifyPassword(user.password_hash, TEST_PASSWORD)).toBe(true);
    expect((await invitationRow(id)).accepted_user_id).toBe(existing.id);
  });
});

describe('link expiry', () => {
  it('a link is still good one millisecond before seven days have passed', async () => {
    const { token } = await invite('just-in-time@example.jp');
    await later(7 * DAY - 1, async () => {
      const visitor = newVisitor();
      expect((await visitor.get(`/api/invitations/${token}`)).statusCode).toBe(200);
      expect((await visitor.post(`/api/invitations/${token}/accept`, signUp)).statusCode).toBe(200);
    });
  });

  it('an expired invitation link says so and changes nothing', async () => {
    const { id, token, membershipId } = await invite('late@example.jp');
    await later(7 * DAY + 1, async () => {
      const visitor = newVisitor();
      const before = await countRows(t.db);
      const expired = error(
        'invitation_expired',
        'このURLは有効期限切れです。管理者に再送を依頼してください。',
      );
      for (const res of [
        await visitor.get(`/api/invitations/${token}`),
        await visitor.post(`/api/invitations/${token}/accept`, signUp),
      ]) {
        expect(res.statusCode).toBe(410);
        expect(res.json()).toEqual(expired);
      }
      expect(await countRows(t.db)).toEqual(before);
      expect(await invitationRow(id)).toMatchObject({ accepted_at: null, accepted_user_id: null });
      expect(await membershipStatus(membershipId)).toBe('invited');
    });
  });
});

describe('inviting again', () => {
  it('a second invitation of a still-invited address cancels the first link', async () => {
    const first = await invite('again@example.jp');
    const second = await invite('again@example.jp');
    expect(second.membershipId).toBe(first.membershipId);
    const visitor = newVisitor();
    const old = await visitor.get(`/api/invitations/${first.token}`);
    expect(old.statusCode).toBe(410);
    expect(old.json()).toEqual(cancelled);
    expect((await visitor.post(`/api/invitations/${second.token}/accept`, signUp)).statusCode).toBe(200);
  });

  it('an address that is already an active member is refused with already_member', async () => {
    const { token } = await invite('member-already@example.jp');
    await newVisitor().post(`/api/invitations/${token}/accept`, signUp);
    const before = await countRows(t.db);
    await expect(invite('MEMBER-ALREADY@example.jp')).rejects.toMatchObject({
      status: 409,
      code: 'already_member',
    });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('reissueInvitation mails a fresh 7-day link of the same kind and ends the old one', async () => {
    const first = await activation('reissue@example.jp');
    const again = await later(8 * DAY, () =>
      t.db
        .transaction()
        .execute((trx) => reissueInvitation(trx, t.deps, { invitationId: first.id, ip: '10.0.0.1' })),
    );
    expect(again.expiresAt).toEqual(new Date(clock.now().getTime() + 15 * DAY));
    const mail = await latestMailTo(t.db, 'reissue@example.jp');
    expect(mail.template).toBe('activation');
    const token = invitationTokenIn(mail.body);
    expect(again.url).toBe(`http://portal.test/invitations/${token}`);
    expect((await invitationRow(first.id)).cancelled_at).not.toBeNull();
    const row = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', again.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'activation',
      membership_id: first.membershipId,
      user_id: first.userId,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'ip'])
      .where('target_id', '=', again.id)
      .execute();
    expect(audit).toEqual([{ action: 'invitation.resend', ip: '10.0.0.1' }]);
  });

  it('reissueInvitation refuses a membership that is no longer invited', async () => {
    const { id, token } = await invite('reissue-done@example.jp');
    await newVisitor().post(`/api/invitations/${token}/accept`, signUp);
    await expect(
      t.db.transaction().execute((trx) => reissueInvitation(trx, t.deps, { invitationId: id })),
    ).rejects.toMatchObject({ status: 409, code: 'not_invited' });
  });
});

describe('activation with the identity check (ID-7, 002 初回ログイン)', () => {
  it('the activation mail (開通案内) carries the password-registration URL, its expiry and the way to a new one', async () => {
    const { token } = await activation('kaitsu@example.jp');
    const mail = await latestMailTo(t.db, 'kaitsu@example.jp');
    expect(mail.subject).toBe('【Madoguchi】ユーザ登録受付のお知らせ');
    expect(mail.body).toContain(
      `パスワード登録 URL\nhttp://portal.test/invitations/${token}\n有効期限：2026/06/08 09:00 JST`,
    );
    expect(mail.body).toContain(
      'ログイン画面の「パスワードをお忘れの方」（パスワード再設定）からパスワード設定用 URL を再取得',
    );
    expect(mail.body).toContain('ログイン画面: http://portal.test/login');
  });

  it('the activation mail is in English for an English user', async () => {
    await invite('kaitsu-en@example.jp', {
      kind: 'activation',
      profile: { phone: '0312345678', locale: 'en', timeZone: 'Europe/London' },
    });
    const mail = await latestMailTo(t.db, 'kaitsu-en@example.jp');
    expect(mail.subject).toBe('[Madoguchi] Your user registration');
    expect(mail.body).toContain('Expires: 08/06/2026, 01:00 BST');
  });

  it('verify accepts the registered details written differently, and uses nothing up', async () => {
    const { id, token } = await activation('check@example.jp');
    const visitor = newVisitor();
    for (const claim of [
      identity('check@example.jp'),
      { email: 'CHECK@example.jp', name: '開通　一郎', phone: '03-1234-5678' },
      { email: 'check@example.jp', name: '開通一郎', phone: '03(1234)5678' },
    ]) {
      const res = await visitor.post(`/api/invitations/${token}/verify`, claim);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    }
    expect(await invitationRow(id)).toMatchObject({ failed_checks: 0, accepted_at: null });
  });

  it('five mismatches cancel the link', async () => {
    const { id, token } = await activation('guess@example.jp');
    const visitor = newVisitor();
    const wrongs = [
      { ...identity('guess@example.jp'), email: 'other@example.jp' },
      { ...identity('guess@example.jp'), name: '開通 二郎' },
      { ...identity('guess@example.jp'), phone: '0312345679' },
      { ...identity('guess@example.jp'), phone: '00-0000-0000' },
      { ...identity('guess@example.jp'), name: '別人　です' },
    ];
    for (const [i, claim] of wrongs.entries()) {
      const res = await visitor.post(`/api/invitations/${token}/verify`, claim);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(mismatch);
      expect((await invitationRow(id)).failed_checks).toBe(i + 1);
    }
    expect((await invitationRow(id)).cancelled_at).toEqual(clock.now());
    for (const res of [
      await visitor.get(`/api/invitations/${token}`),
      await visitor.post(`/api/invitations/${token}/verify`, identity('guess@example.jp')),
      await visitor.post(`/api/invitations/${token}/accept`, {
        ...identity('guess@example.jp'),
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      }),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.json()).toEqual(cancelled);
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'invitation.identity_lockout')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toEqual([{ details: { failedChecks: 5 } }]);
  });

  it('a sign-up link has no identity check', async () => {
    const { token } = await invite('no-check@example.jp');
    const res = await newVisitor().post(`/api/invitations/${token}/verify`, identity('no-check@example.jp'));
    expect(res.statusCode).toBe(404);
  });

  it('accept checks the identity again, then sets the password and activates the membership', async () => {
    const { id, token, userId, membershipId } = await activation('activate@example.jp');
    const visitor = newVisitor();
    const body = {
      ...identity('activate@example.jp'),
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    };
    const before = await countRows(t.db);
    const wrong = await visitor.post(`/api/invitations/${token}/accept`, { ...body, phone: '0399999999' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual(mismatch);
    expect(await countRows(t.db)).toEqual(before);
    expect((await userByEmail('activate@example.jp')).password_hash).toBeNull();
    expect((await invitationRow(id)).failed_checks).toBe(1);

    const res = await visitor.post(`/api/invitations/${token}/accept`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, name: '開通　一郎', email: 'activate@example.jp' });
    expect(await membershipStatus(membershipId)).toBe('active');
    const user = await userByEmail('activate@example.jp');
    expect(user.id).toBe(userId);
    expect(await verifyPassword(user.password_hash, NEW_PASSWORD)).toBe(true);
    await newVisitor().login('activate@example.jp', NEW_PASSWORD);
  });

  it('a user added without a name takes the name typed at activation', async () => {
    const { token } = await invite('nameless@example.jp', {
      kind: 'activation',
      profile: { phone: '0312345678' },
    });
    const res = await newVisitor().post(`/api/invitations/${token}/accept`, {
      email: 'nameless@example.jp',
      name: '名無　権兵衛',
      phone: '0312345678',
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect((await userByEmail('nameless@example.jp')).name).toBe('名無　権兵衛');
  });

  it('bad activation input is refused on its fields before any identity check', async () => {
    const { id, token } = await activation('bad-activation@example.jp');
    const res = await newVisitor().post(`/api/invitations/${token}/accept`, {
      email: 'not-an-address',
      name: '',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(
      validation({
        email: ['メールアドレスの形式が正しくありません。'],
        name: ['入力してください。'],
        phone: ['入力してください。'],
        passwordConfirm: ['入力してください。'],
      }),
    );
    expect((await invitationRow(id)).failed_checks).toBe(0);
  });
});
