import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let asA: TestClient;
let asB: TestClient;
let memberA: { id: string };
let memberB: { id: string };
const notFound = { error: { code: 'not_found', message: '対象が見つかりません。' } };

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t.db, 'あおぞら販売');
  const b = await makeTenant(t.db, 'かわせみ商事');
  await makeUser(t.db, 'admin-a@example.jp', [
    { organization: { id: a.id, tenant_id: a.id }, role: 'admin' },
  ]);
  memberA = await makeUser(t.db, 'member-a@example.jp', [
    { organization: { id: a.id, tenant_id: a.id }, role: 'member' },
  ]);
  await makeUser(t.db, 'admin-b@example.jp', [
    { organization: { id: b.id, tenant_id: b.id }, role: 'admin' },
  ]);
  memberB = await makeUser(t.db, 'member-b@example.jp', [
    { organization: { id: b.id, tenant_id: b.id }, role: 'member' },
  ]);
  asA = await signedIn(t.app, 'admin-a@example.jp');
  asB = await signedIn(t.app, 'admin-b@example.jp');
});
afterAll(() => t.close());

describe('user groups', () => {
  it('create, rename, members, list with counts, delete — each audited', async () => {
    const created = await asA.post('/api/user-groups', { name: '  営業部  ' });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(group).toEqual({ id: expect.stringMatching(/^\d+$/), name: '営業部', memberCount: 0 });
    const renamed = await asA.request('PATCH', `/api/user-groups/${group.id}`, { name: '第一営業部' });
    expect(renamed.json()).toEqual({ id: group.id, name: '第一営業部', memberCount: 0 });
    const members = await asA.put(`/api/user-groups/${group.id}/members`, {
      userIds: [memberA.id, memberA.id],
    });
    expect(members.json()).toEqual({ memberUserIds: [memberA.id] });
    expect((await asA.get('/api/user-groups')).json()).toEqual({
      items: [{ id: group.id, name: '第一営業部', memberCount: 1 }],
    });
    expect((await asA.get(`/api/users/${memberA.id}`)).json().groups).toEqual([
      { id: group.id, name: '第一営業部' },
    ]);
    expect((await asA.request('DELETE', `/api/user-groups/${group.id}`)).statusCode).toBe(204);
    expect((await asA.get('/api/user-groups')).json()).toEqual({ items: [] });
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', group.id)
      .where('target_type', '=', 'user_group')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'user_group.create',
      'user_group.rename',
      'user_group.members',
      'user_group.delete',
    ]);
  });

  it('a duplicate name in the organisation (any case) is a 409; another organisation may use it', async () => {
    await asA.post('/api/user-groups', { name: 'Sales' });
    const other = (await asA.post('/api/user-groups', { name: 'Support' })).json();
    const before = await countRows(t.db);
    for (const res of [
      await asA.post('/api/user-groups', { name: 'SALES' }),
      await asA.request('PATCH', `/api/user-groups/${other.id}`, { name: 'sales' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        error: { code: 'duplicate_name', message: '同じ名前が既に使われています。' },
      });
    }
    expect(await countRows(t.db)).toEqual(before);
    expect((await asB.post('/api/user-groups', { name: 'Sales' })).statusCode).toBe(201);
  });

  it('another organisation’s group or user is a 404 and nothing changes', async () => {
    const groupB = (await asB.post('/api/user-groups', { name: 'B 班' })).json();
    const groupA = (await asA.post('/api/user-groups', { name: 'A 班' })).json();
    const before = await countRows(t.db);
    for (const res of [
      await asA.request('PATCH', `/api/user-groups/${groupB.id}`, { name: '乗っ取り' }),
      await asA.request('DELETE', `/api/user-groups/${groupB.id}`),
      await asA.put(`/api/user-groups/${groupB.id}/members`, { userIds: [memberA.id] }),
      await asA.put(`/api/user-groups/${groupA.id}/members`, { userIds: [memberA.id, memberB.id] }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(notFound);
    }
    expect(await countRows(t.db)).toEqual(before);
    expect((await asB.get('/api/user-groups')).json().items).toContainEqual({
      id: groupB.id,
      name: 'B 班',
      memberCount: 0,
    });
  });

  it('a blank or over-long name is refused on the field', async () => {
    const blank = await asA.post('/api/user-groups', { name: '  ' });
    expect(blank.json().error.fields).toEqual({ name: ['入力してください。'] });
    const long = await asA.post('/api/user-groups', { name: 'あ'.repeat(51) });
    expect(long.json().error.fields).toEqual({ name: ['入力できる文字数を超えています。'] });
  });
});
