import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailTemplateKeys } from '../../../common/mail-templates.js';
import { makeCustomer, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, latestMailTo, signedIn, validationError } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { defaultTemplates } from './defaults.js';
import { queueTenantSms } from './engine.js';

/** メールテンプレート設定 (PP-7): list, detail, preview, save, reset, copy; the engine's use. */

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let tenantC: Awaited<ReturnType<typeof makeTenant>>;
let stranger: Awaited<ReturnType<typeof makeTenant>>;
let admin: TestClient;
let member: TestClient;

const base = '/api/partner/mail-templates';
const PROVISIONAL = `${base}/portal_user_provisional`;

/** The tenant's own rows, as stored. */
const storedRows = (tenantId: string) =>
  t.db
    .selectFrom('mail_templates')
    .select(['template', 'locale', 'subject', 'body'])
    .where('tenant_id', '=', tenantId)
    .orderBy('template')
    .orderBy('locale')
    .execute();

beforeAll(async () => {
  t = await startTestApp();
  tenantA = await makeTenant(t.db, 'テンプレート販売');
  tenantB = await makeTenant(t.db, 'コピー先販売');
  tenantC = await makeTenant(t.db, 'メンバー止まり販売');
  stranger = await makeTenant(t.db, '無関係販売');
  const adminUser = await makeUser(t.db, 'tpl-admin@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
  ]);
  admin = await signedIn(t.app, 'tpl-admin@example.jp');
  // Memberships added after signing in: the session stays in tenant A.
  await t.db
    .insertInto('memberships')
    .values([
      { user_id: adminUser.id, organization_id: tenantB.id, tenant_id: tenantB.id, role: 'admin' },
      { user_id: adminUser.id, organization_id: tenantC.id, tenant_id: tenantC.id, role: 'member' },
    ])
    .execute();
  await makeUser(t.db, 'tpl-member@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'member' },
  ]);
  member = await signedIn(t.app, 'tpl-member@example.jp');
});
afterAll(() => t.close());

describe('the list and one template', () => {
  it('lists the 12 templates with the Japanese subject, all default, the SMS without subject', async () => {
    const res = await member.get(base);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { key: string }) => i.key)).toEqual([...mailTemplateKeys]);
    expect(items[0]).toEqual({
      key: 'application_confirmation',
      name: 'サービス申込み確認',
      sms: false,
      subject: '【Madoguchi】お申込みのご案内(申請番号:{{ApplicationNumber}})',
      status: 'default',
      locales: { ja: 'default', en: 'default' },
    });
    const sms = items.find((i: { key: string }) => i.key === 'password_reset_sms');
    expect(sms).toMatchObject({
      name: 'パスワードリセット(SMS)',
      sms: true,
      subject: null,
      status: 'default',
    });
  });

  it('shows one language with its placeholders and their descriptions', async () => {
    const ja = (await member.get(PROVISIONAL)).json();
    expect(ja).toMatchObject({
      key: 'portal_user_provisional',
      name: 'ポータルユーザ仮登録',
      locale: 'ja',
      sms: false,
      subject: '【Madoguchi】仮登録完了のお知らせ',
      body: defaultTemplates.portal_user_provisional.ja.body,
      status: 'default',
    });
    expect(ja.placeholders.map((p: { name: string }) => p.name)).toEqual([
      'CompanyName',
      'UserName',
      'UserId',
      'Email',
      'Url',
      'ExpiresAt',
      'LoginUrl',
      'TenantName',
    ]);
    expect(ja.placeholders[0]).toEqual({ name: 'CompanyName', description: '顧客企業名' });
    const en = (await member.get(`${PROVISIONAL}?locale=en`)).json();
    expect(en.subject).toBe('[Madoguchi] You have been provisionally registered');
  });

  it('an unknown template is a 404, an unknown language a 400', async () => {
    expect((await member.get(`${base}/no_such_template`)).statusCode).toBe(404);
    expect((await member.get(`${PROVISIONAL}?locale=fr`)).statusCode).toBe(400);
    expect((await admin.put(`${base}/no_such_template/ja`, { subject: 'a', body: 'b' })).statusCode).toBe(
      404,
    );
  });
});

describe('preview', () => {
  it('renders the text with sample data (members may preview)', async () => {
    const res = await member.post(`${PROVISIONAL}/preview`, {
      locale: 'ja',
      subject: '{{CompanyName}} 様 仮登録',
      body: '{{UserName}} 様 ({{UserId}})\n{{Url}}\n<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      subject: '△△株式会社 様 仮登録',
      body: '山田 太郎 様 (YW499776)\nhttps://portal.example.jp/invitations/xxxxxxxx\n<script>alert(1)</script>',
    });
  });

  it('refuses unknown placeholders on the field, naming each one', async () => {
    const before = await countRows(t.db);
    const res = await member.post(`${PROVISIONAL}/preview`, {
      locale: 'ja',
      subject: '{{UtmId}} のお知らせ',
      body: '{{Foo}} と {{UserName}} と {{ Bar }}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(
      validationError({
        subject: ['使用できない差し込み文字です: {{UtmId}}'],
        body: ['使用できない差し込み文字です: {{Foo}}', '使用できない差し込み文字です: {{ Bar }}'],
      }),
    );
    expect(await countRows(t.db)).toEqual(before);
  });

  it('the SMS has no subject: null or empty is fine, a text is refused', async () => {
    const sms = `${base}/password_reset_sms/preview`;
    const ok = await member.post(sms, { locale: 'en', subject: null, body: '{{TenantName}}: {{Url}}' });
    expect(ok.json()).toEqual({
      subject: null,
      body: 'SMB Tenant: https://portal.example.jp/invitations/xxxxxxxx',
    });
    expect((await member.post(sms, { locale: 'ja', subject: '', body: 'x' })).statusCode).toBe(200);
    const refused = await member.post(sms, { locale: 'ja', subject: '件名', body: 'x' });
    expect(refused.json()).toEqual(validationError({ subject: ['入力内容が正しくありません。'] }));
  });
});

describe('save and reset', () => {
  it('saving makes the language custom; the same text again is no change; reset brings the default back', async () => {
    const text = { subject: '【テンプレート販売】{{UserName}} 様 仮登録', body: '{{CompanyName}}\n{{Url}}' };
    const saved = await admin.put(`${PROVISIONAL}/ja`, text);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...text, locale: 'ja', status: 'custom' });
    const listed = (await admin.get(base))
      .json()
      .items.find((i: { key: string }) => i.key === 'portal_user_provisional');
    expect(listed).toMatchObject({
      subject: text.subject,
      status: 'custom',
      locales: { ja: 'custom', en: 'default' },
    });
    expect((await admin.get(`${PROVISIONAL}?locale=en`)).json().status).toBe('default');

    const before = await countRows(t.db);
    const again = await admin.put(`${PROVISIONAL}/ja`, text);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({
      error: { code: 'no_changes', message: '1つ以上の項目を変更してください。' },
    });
    // The default text unchanged is no change either.
    const def = defaultTemplates.portal_user_provisional.en;
    expect((await admin.put(`${PROVISIONAL}/en`, def)).json().error.code).toBe('no_changes');
    expect(await countRows(t.db)).toEqual(before);

    expect((await admin.request('DELETE', `${PROVISIONAL}/ja`)).statusCode).toBe(204);
    expect((await admin.get(PROVISIONAL)).json()).toMatchObject({
      subject: defaultTemplates.portal_user_provisional.ja.subject,
      status: 'default',
    });
    expect(await storedRows(tenantA.id)).toEqual([]);
    // Resetting a default is harmless.
    expect((await admin.request('DELETE', `${PROVISIONAL}/ja`)).statusCode).toBe(204);
    const audits = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'mail_template.%')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['mail_template.save', 'mail_template.reset']);
  });

  it('limits: subject 255 / body 10,000 (SMS body 670), one line of subject, placeholders named', async () => {
    const put = (key: string, body: unknown) => admin.put(`${base}/${key}/ja`, body);
    expect(
      (await put('utm_arrival_date', { subject: 'あ'.repeat(255), body: 'あ'.repeat(10000) })).statusCode,
    ).toBe(200);
    expect(
      (await put('utm_arrival_date', { subject: 'い'.repeat(256), body: 'い'.repeat(10001) })).json(),
    ).toEqual(
      validationError({
        subject: ['入力できる文字数を超えています。'],
        body: ['入力できる文字数を超えています。'],
      }),
    );
    expect((await put('utm_arrival_date', { subject: ' ', body: ' \n ' })).json()).toEqual(
      validationError({ subject: ['入力してください。'], body: ['入力してください。'] }),
    );
    expect(
      (await put('utm_arrival_date', { subject: '一行目\r\nBcc: x@example.jp', body: 'x' })).json(),
    ).toEqual(validationError({ subject: ['使用できない文字（制御文字など）が含まれています。'] }));
    expect(
      (await put('utm_arrival_date', { subject: '{{RebootAt}}', body: '{{UtmId}}{{Url}}' })).json(),
    ).toEqual(
      validationError({
        subject: ['使用できない差し込み文字です: {{RebootAt}}'],
        body: ['使用できない差し込み文字です: {{Url}}'],
      }),
    );
    expect((await put('password_reset_sms', { subject: null, body: 'あ'.repeat(670) })).statusCode).toBe(200);
    expect((await put('password_reset_sms', { subject: '', body: 'あ'.repeat(671) })).json()).toEqual(
      validationError({ body: ['入力できる文字数を超えています。'] }),
    );
    const sms = (await admin.get(`${base}/password_reset_sms`)).json();
    expect(sms).toMatchObject({ subject: null, status: 'custom', sms: true });
    for (const key of ['utm_arrival_date', 'password_reset_sms'])
      await admin.request('DELETE', `${base}/${key}/ja`);
  });

  it('members may read and preview but not save, reset or copy', async () => {
    const before = await countRows(t.db);
    expect((await member.put(`${PROVISIONAL}/ja`, { subject: 'a', body: 'b' })).statusCode).toBe(403);
    expect((await member.request('DELETE', `${PROVISIONAL}/ja`)).statusCode).toBe(403);
    expect(
      (
        await member.post(`${base}/copy`, {
          templateKeys: ['portal_user_provisional'],
          tenantIds: [tenantB.id],
        })
      ).statusCode,
    ).toBe(403);
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe('copy to other tenants', () => {
  it('offers only the user’s other tenants where they are an active admin', async () => {
    const res = await admin.get(`${base}/copy-targets`);
    expect(res.json()).toEqual({
      items: [{ tenantId: tenantB.id, code: tenantB.code, name: 'コピー先販売' }],
    });
    expect((await member.get(`${base}/copy-targets`)).json()).toEqual({ items: [] });
  });

  it('copies both languages of the chosen templates; a default one makes the target default again', async () => {
    // Tenant B had its own text of a template that is default in A.
    await t.db
      .insertInto('mail_templates')
      .values({
        tenant_id: tenantB.id,
        template: 'utm_tracking_number',
        locale: 'ja',
        subject: 'B の件名',
        body: 'B の本文',
        updated_at: new Date(),
      })
      .execute();
    const ja = { subject: '仮登録 {{UserName}}', body: 'ja {{Url}}' };
    const en = { subject: 'Provisional {{UserName}}', body: 'en {{Url}}' };
    const reset = { subject: 'リセット', body: 'リセット {{Url}}' };
    expect((await admin.put(`${PROVISIONAL}/ja`, ja)).statusCode).toBe(200);
    expect((await admin.put(`${PROVISIONAL}/en`, en)).statusCode).toBe(200);
    expect((await admin.put(`${base}/password_reset_mail/ja`, reset)).statusCode).toBe(200);

    const res = await admin.post(`${base}/copy`, {
      templateKeys: ['portal_user_provisional', 'password_reset_mail', 'utm_tracking_number'],
      tenantIds: [tenantB.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ copied: 3 });
    expect(await storedRows(tenantB.id)).toEqual([
      { template: 'password_reset_mail', locale: 'ja', ...reset },
      { template: 'portal_user_provisional', locale: 'en', ...en },
      { template: 'portal_user_provisional', locale: 'ja', ...ja },
    ]);

    // Seen from tenant B: custom.
    expect((await admin.post('/api/session/organization', { organizationId: tenantB.id })).statusCode).toBe(
      200,
    );
    const items = (await admin.get(base)).json().items;
    const status = Object.fromEntries(items.map((i: { key: string; status: string }) => [i.key, i.status]));
    expect(status).toMatchObject({
      portal_user_provisional: 'custom',
      password_reset_mail: 'custom',
      utm_tracking_number: 'default',
      application_result: 'default',
    });
    expect(
      (await admin.get(`${base}/copy-targets`)).json().items.map((i: { tenantId: string }) => i.tenantId),
    ).toEqual([tenantA.id]);
    expect((await admin.post('/api/session/organization', { organizationId: tenantA.id })).statusCode).toBe(
      200,
    );
  });

  it('any tenant that is not the user’s other admin tenant is a 404, and nothing is copied', async () => {
    const before = {
      a: await storedRows(tenantA.id),
      b: await storedRows(tenantB.id),
      rows: await countRows(t.db),
    };
    for (const tenantIds of [
      [stranger.id],
      [tenantC.id],
      [tenantA.id],
      [tenantB.id, stranger.id],
      ['999999999'],
    ]) {
      const res = await admin.post(`${base}/copy`, { templateKeys: ['portal_user_provisional'], tenantIds });
      expect({ tenantIds, status: res.statusCode, code: res.json().error.code }).toEqual({
        tenantIds,
        status: 404,
        code: 'not_found',
      });
    }
    expect(await storedRows(tenantB.id)).toEqual(before.b);
    expect(await storedRows(stranger.id)).toEqual([]);
    expect(await storedRows(tenantC.id)).toEqual([]);
    expect(await countRows(t.db)).toEqual(before.rows);
  });

  it('all 12 templates at once are accepted, a 13th entry and empty lists are refused', async () => {
    const ok = await admin.post(`${base}/copy`, {
      templateKeys: [...mailTemplateKeys],
      tenantIds: [tenantB.id],
    });
    expect(ok.json()).toEqual({ copied: 12 });
    const before = await countRows(t.db);
    const over = await admin.post(`${base}/copy`, {
      templateKeys: [...mailTemplateKeys, 'portal_user_provisional'],
      tenantIds: [tenantB.id],
    });
    expect(over.json()).toEqual(validationError({ templateKeys: ['入力内容が正しくありません。'] }));
    const empty = await admin.post(`${base}/copy`, { templateKeys: [], tenantIds: [] });
    expect(empty.json()).toEqual(
      validationError({ templateKeys: ['入力してください。'], tenantIds: ['入力してください。'] }),
    );
    const unknown = await admin.post(`${base}/copy`, { templateKeys: ['nope'], tenantIds: ['x'] });
    expect(unknown.json()).toEqual(
      validationError({
        'templateKeys.0': ['入力内容が正しくありません。'],
        'tenantIds.0': ['入力内容が正しくありません。'],
      }),
    );
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe('the engine', () => {
  it('mails a customer user’s password reset with the tenant’s custom template', async () => {
    const customer = await makeCustomer(t.db, tenantA.id, 'リセット商事');
    await makeUser(t.db, 'reset-user@example.jp', [{ organization: customer, role: 'admin' }], {
      name: '再設定 花子',
    });
    await admin.put(`${base}/password_reset_mail/ja`, {
      subject: '{{TenantName}} より: パスワード再設定',
      body: '{{CompanyName}} {{UserName}} 様 ({{UserId}})\n{{Url}}\n期限 {{ExpiresAt}}',
    });
    const res = await member.post('/api/auth/password-reset', { email: 'reset-user@example.jp' });
    expect(res.statusCode).toBe(202);
    const mail = await latestMailTo(t.db, 'reset-user@example.jp');
    const code = (
      await t.db
        .selectFrom('users')
        .select('code')
        .where('email', '=', 'reset-user@example.jp')
        .executeTakeFirstOrThrow()
    ).code;
    expect(mail).toMatchObject({
      channel: 'mail',
      template: 'password_reset_mail',
      tenant_id: tenantA.id,
      subject: 'テンプレート販売 より: パスワード再設定',
    });
    expect(mail.body).toMatch(
      new RegExp(
        `^リセット商事 再設定 花子 様 \\(${code}\\)\\nhttp://portal\\.test/password-reset/[A-Za-z0-9_-]{43}\\n期限 \\d`,
      ),
    );
  });

  it('a partner user’s reset keeps the platform mail', async () => {
    await member.post('/api/auth/password-reset', { email: 'tpl-member@example.jp' });
    const mail = await latestMailTo(t.db, 'tpl-member@example.jp');
    expect(mail).toMatchObject({
      template: 'password-reset',
      subject: '【Madoguchi】パスワード再設定のご案内',
    });
  });

  it('the SMS twin writes the rendered tenant text on the sms channel', async () => {
    await t.db.transaction().execute((trx) =>
      queueTenantSms(trx, t.deps, {
        tenantId: tenantB.id,
        template: 'password_reset_sms',
        to: '09012345678',
        locale: 'en',
        vars: { UserId: 'AB123456', Url: 'http://portal.test/x', ExpiresAt: '10:00', TenantName: 'B' },
      }),
    );
    const sms = await latestMailTo(t.db, '09012345678');
    expect(sms).toMatchObject({
      channel: 'sms',
      subject: '',
      tenant_id: tenantB.id,
      body: '[Madoguchi] B password reset link, valid until 10:00: http://portal.test/x',
    });
  });
});
