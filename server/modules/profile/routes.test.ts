import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let me: TestClient;
let user: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t.db, 'あおぞら販売');
  user = await makeUser(
    t.db,
    'me@example.jp',
    [{ organization: { id: a.id, tenant_id: a.id }, role: 'member' }],
    {
      name: '自分　太郎',
    },
  );
  me = await signedIn(t.app, 'me@example.jp');
});
afterAll(() => t.close());

describe('the self profile (アカウント設定)', () => {
  it('shows the user’s own fields', async () => {
    const res = await me.get('/api/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email: 'me@example.jp',
      name: '自分　太郎',
      title: null,
      phone: null,
      mobile: null,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('changes name, phones, language and time zone; the session shows the new zone', async () => {
    const res = await me.request('PATCH', '/api/me/profile', {
      name: '自分　花子',
      phone: '03-1234-5678',
      mobile: '090-1234-5678',
      locale: 'en',
      timeZone: 'America/New_York',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '自分　花子',
      mobile: '090-1234-5678',
      timeZone: 'America/New_York',
    });
    expect((await me.get('/api/session')).json().user).toMatchObject({
      timeZone: 'America/New_York',
      locale: 'en',
    });
    const cleared = await me.request('PATCH', '/api/me/profile', { mobile: '', locale: 'ja' });
    expect(cleared.json()).toMatchObject({ mobile: null, phone: '03-1234-5678' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'user.profile_update')
      .where('target_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { fields: ['name', 'phone', 'mobile', 'locale', 'time_zone'] },
      { fields: ['mobile', 'locale'] },
    ]);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, { timeZone: ['タイムゾーンを選択してください。'] }],
    [{ phone: '03-1234-567８' }, { phone: ['半角数字とハイフンで入力してください（数字10〜15桁）。'] }],
    [{ name: 'あ'.repeat(41) }, { name: ['入力できる文字数を超えています。'] }],
    [
      // The e-mail address is not the user's to change (`003` FAQ); nothing else was sent either.
      { email: 'new@example.jp' },
      { email: ['この項目は受け付けられません。'], _: ['1つ以上の項目を変更してください。'] },
    ],
    [{}, { _: ['1つ以上の項目を変更してください。'] }],
  ])('refuses %j on its field and changes nothing', async (body, fields) => {
    const before = await countRows(t.db);
    const res = await me.request('PATCH', '/api/me/profile', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(fields);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('signed out is a 401', async () => {
    expect((await new TestClient(t.app).get('/api/me/profile')).statusCode).toBe(401);
  });
});
