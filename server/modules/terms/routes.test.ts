import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** Terms of use (ID-12): versions published by the operator, accepted by every user before any portal. */

const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));
const v1 = { titleJa: '利用規約 第1版', titleEn: 'Terms v1', bodyJa: '本文 第1版', bodyEn: 'Body v1' };
const v2 = { titleJa: '利用規約 第2版', titleEn: 'Terms v2', bodyJa: '本文 第2版', bodyEn: 'Body v2' };
let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await startTestApp({ clock });
  const operator = await makeOperator(t.db);
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
  const org = { id: tenant.id, tenant_id: tenant.id };
  await makeUser(t.db, 'ja@example.jp', [{ organization: org, role: 'admin' }]);
  await makeUser(t.db, 'en@example.jp', [{ organization: org, role: 'member' }], { locale: 'en' });
});
afterAll(() => t.close());

describe('terms of use', () => {
  it('before any publication nothing is pending and there are no current terms', async () => {
    const user = await signedIn(t.app, 'ja@example.jp');
    expect((await user.get('/api/session')).json().pendingActions).toEqual([]);
    const res = await user.get('/api/terms/current');
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
  });

  it('publishing holds every other user at the acceptance page until they accept, in their language', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const ja = await signedIn(t.app, 'ja@example.jp');
    const en = await signedIn(t.app, 'en@example.jp');
    const published = await op.post('/api/operator/terms', v1);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({
      id: expect.any(String),
      version: 1,
      publishedAt: clock.now().toISOString(),
    });
    const id = published.json().id;
    // The publisher has read them; everyone else must accept.
    expect((await op.get('/api/session')).json().pendingActions).toEqual([]);
    expect((await ja.get('/api/session')).json().pendingActions).toEqual(['acceptTerms']);
    const held = await ja.get('/api/me/sessions');
    expect([held.statusCode, held.json()]).toEqual([
      403,
      { error: { code: 'terms_required', message: '利用規約に同意してください。' } },
    ]);

    expect((await ja.get('/api/terms/current')).json()).toEqual({
      id,
      version: 1,
      title: '利用規約 第1版',
      body: '本文 第1版',
      publishedAt: clock.now().toISOString(),
      accepted: false,
    });
    expect((await en.get('/api/terms/current')).json()).toMatchObject({ title: 'Terms v1', body: 'Body v1' });

    clock.advance(60_000);
    expect((await ja.post(`/api/terms/${id}/accept`)).statusCode).toBe(204);
    expect((await ja.post(`/api/terms/${id}/accept`)).statusCode).toBe(204);
    expect((await ja.get('/api/session')).json().pendingActions).toEqual([]);
    expect((await ja.get('/api/me/sessions')).statusCode).toBe(200);
    expect((await ja.get('/api/terms/current')).json().accepted).toBe(true);
    const rows = await t.db
      .selectFrom('terms_acceptances')
      .innerJoin('users', 'users.id', 'terms_acceptances.user_id')
      .select(['terms_acceptances.accepted_at', 'terms_acceptances.ip'])
      .where('users.email', '=', 'ja@example.jp')
      .execute();
    expect(rows).toEqual([{ accepted_at: clock.now(), ip: '127.0.0.1' }]);
    expect((await en.get('/api/session')).json().pendingActions).toEqual(['acceptTerms']);
  });

  it('a new version makes users accept again; the old version can no longer be accepted', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const ja = await signedIn(t.app, 'ja@example.jp');
    const old = (await ja.get('/api/terms/current')).json().id;
    const res = await op.post('/api/operator/terms', v2);
    expect(res.json().version).toBe(2);
    expect((await ja.get('/api/session')).json().pendingActions).toEqual(['acceptTerms']);
    const stale = await ja.post(`/api/terms/${old}/accept`);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'terms_outdated']);
    expect((await ja.post('/api/terms/999999/accept')).statusCode).toBe(404);
    expect((await ja.post(`/api/terms/${res.json().id}/accept`)).statusCode).toBe(204);

    const list = (await op.get('/api/operator/terms')).json().items;
    expect(list.map((i: { version: number; acceptedCount: number }) => [i.version, i.acceptedCount])).toEqual(
      [
        [2, 2],
        [1, 2],
      ],
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'terms.publish')
      .execute();
    expect(audit).toEqual([{ details: { version: 1 } }, { details: { version: 2 } }]);
  });

  it('only the operator admin publishes; bad input is refused on the field and nothing is written', async () => {
    const op = await signedIn(t.app, 'op@example.jp');
    const partner = await signedIn(t.app, 'ja@example.jp');
    const before = await countRows(t.db);
    const bad = await op.post('/api/operator/terms', { ...v1, titleJa: '  ', bodyEn: 'x'.repeat(100001) });
    expect(bad.json()).toEqual({
      error: {
        code: 'validation',
        message: '入力内容に誤りがあります。',
        fields: { titleJa: ['入力してください。'], bodyEn: ['入力できる文字数を超えています。'] },
      },
    });
    expect((await partner.post('/api/operator/terms', v1)).statusCode).toBe(403);
    expect(await countRows(t.db)).toEqual(before);
    expect((await op.get('/api/operator/terms')).json().items).toHaveLength(2);
  });
});
