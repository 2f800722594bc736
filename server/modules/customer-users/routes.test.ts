import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, invitationTokenIn, latestMailTo, signedIn, validationError } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startSmtpPeer } from '../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** 顧客のユーザ管理 (CU-6, `001 §7.4.4`): list, create (tenant's template mail), edit, delete. */

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let otherTenant: Awaited<ReturnType<typeof makeTenant>>;
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let otherCustomer: Awaited<ReturnType<typeof makeCustomer>>;
let foreignCustomer: Awaited<ReturnType<typeof makeCustomer>>;
let admin: TestClient;
let member: TestClient;
let outsider: TestClient;

const usersOf = (customerId: string) => `/api/partner/customers/${customerId}/users`;
const form = (over: Record<string, unknown> = {}) => ({
  familyName: '山田',
  givenName: '太郎',
  email: 'yamada@example.jp',
  mobile: '09012345678',
  ...over,
});
let n = 0;
const fresh = (over: Record<string, unknown> = {}) => form({ email: `login-${++n}@example.jp`, ...over });

beforeAll(async () => {
  t = await startTestApp();
  tenant = await makeTenant(t.db, 'ユーザ管理販売');
  otherTenant = await makeTenant(t.db, '他社販売');
  customer = await makeCustomer(t.db, tenant.id, '株式会社テストABC');
  otherCustomer = await makeCustomer(t.db, tenant.id, '株式会社となり');
  foreignCustomer = await makeCustomer(t.db, otherTenant.id, '他社の顧客');
  await makeUser(t.db, 'cu-admin@example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
  ]);
  await makeUser(t.db, 'cu-member@example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
  ]);
  await makeUser(t.db, 'cu-outsider@example.jp', [
    { organization: { id: otherTenant.id, tenant_id: otherTenant.id }, role: 'admin' },
  ]);
  admin = await signedIn(t.app, 'cu-admin@example.jp');
  member = await signedIn(t.app, 'cu-member@example.jp');
  outsider = await signedIn(t.app, 'cu-outsider@example.jp');
});
afterAll(() => t.close());

describe('create', () => {
  it('creates the login user as an invited admin of the customer and mails the default provisional registration', async () => {
    const res = await member.post(usersOf(customer.id), form());
    expect(res.statusCode).toBe(201);
    const { id, code } = res.json();
    expect(code).toMatch(/^[A-Z]{2}\d{6}$/);
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      code,
      email: 'yamada@example.jp',
      family_name: '山田',
      given_name: '太郎',
      name: '山田 太郎',
      mobile: '09012345678',
      password_hash: null,
    });
    const membership = await t.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({
      organization_id: customer.id,
      tenant_id: tenant.id,
      role: 'admin',
      status: 'invited',
    });
    const mail = await latestMailTo(t.db, 'yamada@example.jp');
    expect(mail).toMatchObject({
      template: 'portal_user_provisional',
      tenant_id: tenant.id,
      subject: '【Madoguchi】仮登録完了のお知らせ',
    });
    expect(mail.body).toContain('株式会社テストABC\n山田 太郎 様');
    expect(mail.body).toContain(`ユーザID: ${code}`);
    expect(mail.body).toMatch(/URL: http:\/\/portal\.test\/invitations\/[A-Za-z0-9_-]{43}\n/);
    expect(mail.body).toMatch(/ユーザ管理販売$/);

    const list = (await member.get(usersOf(customer.id))).json();
    expect(list.items).toEqual([
      {
        id,
        code,
        familyName: '山田',
        givenName: '太郎',
        email: 'yamada@example.jp',
        mobile: '09012345678',
        status: 'invited',
        invitationExpired: false,
      },
    ]);
    expect((await member.get(`${usersOf(customer.id)}/${id}`)).json()).toEqual(list.items[0]);
  });

  it('an address already a user of this customer (even still invited) is 409 already_member', async () => {
    const before = await countRows(t.db);
    const again = await admin.post(usersOf(customer.id), form({ familyName: '別人' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_member');
    expect(await countRows(t.db)).toEqual(before);
  });

  it('uses the tenant’s customised template, in the user’s language, also for a new link', async () => {
    expect(
      (
        await admin.put('/api/partner/mail-templates/portal_user_provisional/ja', {
          subject: '{{TenantName}}: {{CompanyName}} のアカウント',
          body: '{{UserName}} 様\nID {{UserId}} / {{Email}}\n{{Url}}\n期限 {{ExpiresAt}}\n{{LoginUrl}}',
        })
      ).statusCode,
    ).toBe(200);
    const res = await admin.post(usersOf(customer.id), fresh({ familyName: '佐藤', givenName: '花子' }));
    const { id, code } = res.json();
    const email = `login-${n}@example.jp`;
    const mail = await latestMailTo(t.db, email);
    expect(mail.subject).toBe('ユーザ管理販売: 株式会社テストABC のアカウント');
    expect(mail.body).toMatch(
      new RegExp(
        `^佐藤 花子 様\\nID ${code} / ${email}\\nhttp://portal\\.test/invitations/[A-Za-z0-9_-]{43}\\n期限 \\d{4}.*\\nhttp://portal\\.test/login$`,
      ),
    );
    // The expired-link path of the login page re-sends through the same template.
    expect((await new TestClient(t.app).post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    const resent = await latestMailTo(t.db, email);
    expect(resent.id).not.toBe(mail.id);
    expect(resent.subject).toBe(mail.subject);
    expect(invitationTokenIn(resent.body)).not.toBe(invitationTokenIn(mail.body));
    expect(id).toBeTruthy();
  });

  it('limits: names 256, e-mail 255, mobile 11 half-width digits (optional)', async () => {
    const ok = async (body: Record<string, unknown>) =>
      (await admin.post(usersOf(customer.id), body)).statusCode;
    expect(await ok(fresh({ familyName: 'あ'.repeat(256), givenName: 'い'.repeat(256) }))).toBe(201);
    expect(await ok(fresh({ email: `${'c'.repeat(255 - '@example.jp'.length)}@example.jp` }))).toBe(201);
    expect(await ok(fresh({ mobile: '' }))).toBe(201);
    const { mobile: _, ...withoutMobile } = fresh();
    expect(await ok(withoutMobile)).toBe(201);
    const before = await countRows(t.db);
    const refused = async (body: Record<string, unknown>, fields: Record<string, string[]>) => {
      const res = await admin.post(usersOf(customer.id), body);
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: validationError(fields),
      });
    };
    const TOO_LONG = ['入力できる文字数を超えています。'];
    const DIGITS = ['ハイフンを除く半角数字で入力してください。'];
    await refused(fresh({ familyName: 'あ'.repeat(257), givenName: 'い'.repeat(257) }), {
      familyName: TOO_LONG,
      givenName: TOO_LONG,
    });
    await refused(fresh({ email: `${'c'.repeat(256 - '@example.jp'.length)}@example.jp` }), {
      email: TOO_LONG,
    });
    await refused(fresh({ mobile: '090123456789' }), { mobile: TOO_LONG });
    await refused(fresh({ mobile: '090-1234-56' }), { mobile: DIGITS });
    await refused(fresh({ mobile: '０９０１２３４５６７８' }), { mobile: DIGITS });
    await refused(fresh({ familyName: ' ', givenName: '', email: 'not-an-address' }), {
      familyName: ['入力してください。'],
      givenName: ['入力してください。'],
      email: ['メールアドレスの形式が正しくありません。'],
    });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('script tags are stored and answered as text', async () => {
    const res = await admin.post(
      usersOf(otherCustomer.id),
      fresh({ familyName: '<script>alert(1)</script>' }),
    );
    const user = (await admin.get(`${usersOf(otherCustomer.id)}/${res.json().id}`)).json();
    expect(user.familyName).toBe('<script>alert(1)</script>');
  });
});

describe('activation', () => {
  it('the user proves their identity with the registered mobile number and sets a password', async () => {
    const body = form({
      familyName: '開通',
      givenName: '次郎',
      email: 'activate-me@example.jp',
      mobile: '07011112222',
    });
    const { id } = (await admin.post(usersOf(customer.id), body)).json();
    const token = invitationTokenIn((await latestMailTo(t.db, 'activate-me@example.jp')).body);
    const anonymous = new TestClient(t.app);
    const claim = { email: 'activate-me@example.jp', name: '開通　次郎', phone: '070-1111-2222' };
    expect(
      (await anonymous.post(`/api/invitations/${token}/verify`, { ...claim, phone: '07099999999' }))
        .statusCode,
    ).toBe(400);
    expect((await anonymous.post(`/api/invitations/${token}/verify`, claim)).statusCode).toBe(200);
    const pw = 'Blue-Kite-Sings-77';
    const accepted = await anonymous.post(`/api/invitations/${token}/accept`, {
      ...claim,
      password: pw,
      passwordConfirm: pw,
    });
    expect(accepted.statusCode).toBe(200);
    expect((await admin.get(`${usersOf(customer.id)}/${id}`)).json().status).toBe('active');
    await signedIn(t.app, 'activate-me@example.jp', pw);
  });

  it('without a registered number, e-mail and name are the check', async () => {
    await admin.post(usersOf(customer.id), form({ email: 'no-mobile@example.jp', mobile: '' }));
    const token = invitationTokenIn((await latestMailTo(t.db, 'no-mobile@example.jp')).body);
    const anonymous = new TestClient(t.app);
    const claim = { email: 'no-mobile@example.jp', name: '山田太郎', phone: '0312345678' };
    expect(
      (await anonymous.post(`/api/invitations/${token}/verify`, { ...claim, name: '山田花子' })).statusCode,
    ).toBe(400);
    expect((await anonymous.post(`/api/invitations/${token}/verify`, claim)).statusCode).toBe(200);
  });
});

describe('edit', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (
      await admin.post(usersOf(customer.id), form({ email: 'edit-me@example.jp', mobile: '' }))
    ).json().id;
  });

  it('needs at least one change', async () => {
    const before = await countRows(t.db);
    const res = await admin.request(
      'PATCH',
      `${usersOf(customer.id)}/${userId}`,
      form({ email: 'edit-me@example.jp', mobile: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'no_changes', message: '1つ以上の項目を変更してください。' },
    });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('changes name and mobile; a new address of an invited user gets a fresh link there', async () => {
    const res = await member.request(
      'PATCH',
      `${usersOf(customer.id)}/${userId}`,
      form({ familyName: '鈴木', givenName: '一郎', email: 'edited@example.jp', mobile: '08011112222' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      familyName: '鈴木',
      givenName: '一郎',
      email: 'edited@example.jp',
      mobile: '08011112222',
      status: 'invited',
    });
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('鈴木 一郎');
    const mail = await latestMailTo(t.db, 'edited@example.jp');
    expect(mail.template).toBe('portal_user_provisional');
    expect(mail.body).toContain('鈴木 一郎 様');
  });

  it('another account’s address is 409 email_in_use; an account that also belongs elsewhere is 409 shared_account', async () => {
    const before = await countRows(t.db);
    const taken = await admin.request(
      'PATCH',
      `${usersOf(customer.id)}/${userId}`,
      form({ familyName: '鈴木', givenName: '一郎', email: 'YAMADA@example.jp' }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('email_in_use');
    // yamada@ is now also a user of the neighbouring customer: one account, two organisations.
    const yamada = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'yamada@example.jp')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('memberships')
      .values({ user_id: yamada.id, organization_id: otherCustomer.id, tenant_id: tenant.id, role: 'admin' })
      .execute();
    const shared = await admin.request(
      'PATCH',
      `${usersOf(customer.id)}/${yamada.id}`,
      form({ familyName: '変更' }),
    );
    expect(shared.statusCode).toBe(409);
    expect(shared.json().error.code).toBe('shared_account');
    expect(await countRows(t.db)).toEqual({ ...before, memberships: before.memberships! + 1 });
  });
});

describe('delete', () => {
  it('removes the membership and the account when it belongs nowhere else', async () => {
    const { id } = (await admin.post(usersOf(customer.id), fresh())).json();
    expect((await member.request('DELETE', `${usersOf(customer.id)}/${id}`)).statusCode).toBe(204);
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect((await admin.get(`${usersOf(customer.id)}/${id}`)).statusCode).toBe(404);
  });

  it('an account with another membership stays, without this customer', async () => {
    const yamada = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'yamada@example.jp')
      .executeTakeFirstOrThrow();
    expect((await admin.request('DELETE', `${usersOf(customer.id)}/${yamada.id}`)).statusCode).toBe(204);
    const memberships = await t.db
      .selectFrom('memberships')
      .select('organization_id')
      .where('user_id', '=', yamada.id)
      .execute();
    expect(memberships).toEqual([{ organization_id: otherCustomer.id }]);
  });

  it('an active user who signed in can be deleted (history keeps no reference)', async () => {
    await makeUser(t.db, 'active-login@example.jp', [{ organization: customer, role: 'admin' }]);
    await signedIn(t.app, 'active-login@example.jp');
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'active-login@example.jp')
      .executeTakeFirstOrThrow();
    const listed = (await admin.get(usersOf(customer.id)))
      .json()
      .items.find((u: { id: string }) => u.id === user.id);
    expect(listed).toMatchObject({ status: 'active', invitationExpired: false, givenName: '' });
    expect((await admin.request('DELETE', `${usersOf(customer.id)}/${user.id}`)).statusCode).toBe(204);
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('other tenants and other customers', () => {
  it('another tenant’s customer and a user of another customer are 404 on every route; nothing changes', async () => {
    const { id: userOfCustomer } = (await admin.post(usersOf(customer.id), fresh())).json();
    const { id: userOfForeign } = (
      await outsider.post(usersOf(foreignCustomer.id), fresh({ familyName: '他社' }))
    ).json();
    const before = await countRows(t.db);
    const attempts: [TestClient, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
      [outsider, 'GET', usersOf(customer.id)],
      [outsider, 'POST', usersOf(customer.id), fresh()],
      [outsider, 'GET', `${usersOf(customer.id)}/${userOfCustomer}`],
      [outsider, 'PATCH', `${usersOf(customer.id)}/${userOfCustomer}`, form({ familyName: '乗っ取り' })],
      [outsider, 'DELETE', `${usersOf(customer.id)}/${userOfCustomer}`],
      // The right tenant, but the user belongs to another customer (or to another tenant's).
      [admin, 'GET', `${usersOf(otherCustomer.id)}/${userOfCustomer}`],
      [admin, 'PATCH', `${usersOf(otherCustomer.id)}/${userOfCustomer}`, form({ familyName: '乗っ取り' })],
      [admin, 'DELETE', `${usersOf(otherCustomer.id)}/${userOfCustomer}`],
      [admin, 'GET', `${usersOf(customer.id)}/${userOfForeign}`],
      [admin, 'DELETE', `${usersOf(foreignCustomer.id)}/${userOfForeign}`],
      // The tenant itself is not a customer.
      [admin, 'GET', usersOf(tenant.id)],
      [admin, 'POST', usersOf(tenant.id), fresh()],
      [admin, 'GET', usersOf('999999999')],
    ];
    for (const [client, method, url, body] of attempts) {
      const res = await client.request(method, url, body);
      expect({ method, url, status: res.statusCode, code: res.json().error.code }).toEqual({
        method,
        url,
        status: 404,
        code: 'not_found',
      });
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a customer’s own admin cannot use the partner routes', async () => {
    await makeUser(t.db, 'customer-admin@example.jp', [{ organization: customer, role: 'admin' }]);
    const c = await signedIn(t.app, 'customer-admin@example.jp');
    expect((await c.get(usersOf(customer.id))).statusCode).toBe(403);
  });
});

describe('delivery', () => {
  let peer: Awaited<ReturnType<typeof startSmtpPeer>> | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    await peer?.close();
  });

  it('the customised invitation mail reaches the SMTP peer', async () => {
    peer = await startSmtpPeer();
    app = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${peer.port}` } });
    const tn = await makeTenant(app.db, '配信販売');
    const cu = await makeCustomer(app.db, tn.id, '配信商事');
    await makeUser(app.db, 'deliver-admin@example.jp', [
      { organization: { id: tn.id, tenant_id: tn.id }, role: 'admin' },
    ]);
    const c = await signedIn(app.app, 'deliver-admin@example.jp');
    await c.put('/api/partner/mail-templates/portal_user_provisional/ja', {
      subject: '【配信販売】{{CompanyName}} 様 仮登録のお知らせ',
      body: '{{UserName}} 様\nユーザID: {{UserId}}\n{{Url}}',
    });
    const { code } = (await c.post(usersOf(cu.id), form({ email: 'delivered@example.jp' }))).json();
    const until = Date.now() + 20_000;
    while (peer.received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    const mail = peer.received[0]!;
    expect(mail.to).toEqual(['delivered@example.jp']);
    expect(mail.subject).toBe('【配信販売】配信商事 様 仮登録のお知らせ');
    expect(mail.text.replaceAll('\r\n', '\n')).toContain(
      `山田 太郎 様\nユーザID: ${code}\nhttp://portal.test/invitations/`,
    );
  });
});
