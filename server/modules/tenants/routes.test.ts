import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { countRows, invitationTokenIn, latestMailTo, signedIn } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const DAY = 86_400_000;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;

describe('the operator tenant list', () => {
  let t: TestApp;
  let op: TestClient;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const operator = await makeOperator(t.db);
    await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
    // Code order, name order and creation order all differ.
    const seed: [string, string][] = [
      ['あおぞら販売', '2026-03-01T00:00:00.000Z'],
      ['かわせみ商事', '2026-01-01T00:00:00.000Z'],
      ['100%テスト', '2026-02-01T00:00:00.000Z'],
      ['A_B商会', '2026-05-01T00:00:00.000Z'],
      ['AxB商会', '2026-04-01T00:00:00.000Z'],
    ];
    for (const [name, createdAt] of seed) {
      const tenant = await makeTenant(t.db, name);
      await t.db
        .updateTable('organizations')
        .set({ created_at: createdAt } as never)
        .where('id', '=', tenant.id)
        .execute();
      tenants.push({ ...tenant, createdAt: new Date(createdAt) });
    }
    const [aozora, kawasemi] = tenants as [Tenant, Tenant];
    await makeUser(t.db, 'a1@example.jp', [
      { organization: { id: aozora.id, tenant_id: aozora.id }, role: 'admin' },
    ]);
    await makeUser(t.db, 'a2@example.jp', [
      { organization: { id: aozora.id, tenant_id: aozora.id }, role: 'member' },
    ]);
    // A customer's member is not a member of the tenant itself.
    const customer = await makeCustomer(t.db, aozora.id);
    await makeUser(t.db, 'c1@example.jp', [{ organization: customer, role: 'admin' }]);
    // One pending invitation counts; an expired or accepted one does not.
    const invitation = (email: string, expiresAt: Date, acceptedAt: Date | null) => ({
      organization_id: kawasemi.id,
      tenant_id: kawasemi.id,
      email,
      role: 'admin' as const,
      token_hash: createHash('sha256').update(email).digest('hex'),
      expires_at: expiresAt,
      accepted_at: acceptedAt,
    });
    await t.db
      .insertInto('invitations')
      .values([
        invitation('pending@example.jp', new Date(Date.now() + DAY), null),
        invitation('expired@example.jp', new Date(Date.now() - 1000), null),
        invitation('accepted@example.jp', new Date(Date.now() + DAY), new Date()),
      ])
      .execute();
    op = await signedIn(t.app, 'op@example.jp');
  });
  afterAll(() => t.close());

  const codes = async (query: string) => {
    const res = await op.get(`/api/operator/tenants${query}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return { codes: body.items.map((i: { code: string }) => i.code), total: body.total };
  };
  const code = (i: number) => tenants[i]!.code;

  it('shows the first page sorted by code, with member and pending-invitation counts', async () => {
    const res = await op.get('/api/operator/tenants');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: tenants.map((x, i) => ({
        id: x.id,
        code: x.code,
        name: x.name,
        createdAt: x.createdAt.toISOString(),
        memberCount: i === 0 ? 2 : 0,
        pendingInvitationCount: i === 1 ? 1 : 0,
      })),
      total: 5,
    });
    expect(tenants.map((x) => x.code)).toEqual(['T8000001', 'T8000002', 'T8000003', 'T8000004', 'T8000005']);
  });

  it('pages with page and pageSize and always tells the total', async () => {
    expect(await codes('?pageSize=2&page=1')).toEqual({ codes: [code(0), code(1)], total: 5 });
    expect(await codes('?pageSize=2&page=2')).toEqual({ codes: [code(2), code(3)], total: 5 });
    expect(await codes('?pageSize=2&page=3')).toEqual({ codes: [code(4)], total: 5 });
    expect(await codes('?pageSize=2&page=4')).toEqual({ codes: [], total: 5 });
  });

  it.each([
    ['code', 'asc', [0, 1, 2, 3, 4]],
    ['code', 'desc', [4, 3, 2, 1, 0]],
    ['name', 'asc', [2, 3, 4, 0, 1]],
    ['name', 'desc', [1, 0, 4, 3, 2]],
    ['createdAt', 'asc', [1, 2, 0, 4, 3]],
    ['createdAt', 'desc', [3, 4, 0, 2, 1]],
  ])('sorts by %s %s', async (sort, order, expected) => {
    expect(await codes(`?sort=${sort}&order=${order}`)).toEqual({ codes: expected.map(code), total: 5 });
  });

  it('sorting applies before paging', async () => {
    expect(await codes('?sort=name&order=desc&pageSize=2&page=2')).toEqual({
      codes: [code(4), code(3)],
      total: 5,
    });
  });

  it.each([
    ['a partial Japanese name', '販売', [0]],
    ['a name in kana', 'かわせみ', [1]],
    ['surrounding blanks trimmed', '  かわせみ  ', [1]],
    ['% literally, not as a wildcard', '%', [2]],
    ['_ literally, not as a wildcard', '_', [3]],
    ['a name regardless of case', 'a_b', [3]],
    ['a backslash literally', '\\', []],
    ['a partial code', '000003', [2]],
    ['a code regardless of case', 't800000', [0, 1, 2, 3, 4]],
    ['nothing that matches', '存在しない', []],
  ])('filters by q: %s', async (_case, q, expected) => {
    expect(await codes(`?q=${encodeURIComponent(q)}`)).toEqual({
      codes: expected.map(code),
      total: expected.length,
    });
  });

  it('filters, sorts and pages together, the total counting only matches', async () => {
    expect(await codes(`?q=${encodeURIComponent('商')}&sort=name&order=asc&pageSize=1&page=2`)).toEqual({
      codes: [code(4)],
      total: 3,
    });
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['sort=email', 'sort'],
    ['order=up', 'order'],
    [`q=${'あ'.repeat(41)}`, 'q'],
    ['color=red', 'color'],
  ])('refuses %s with a message on that field', async (query, field) => {
    const res = await op.get(`/api/operator/tenants?${encodeURI(query)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
  });

  it('accepts a search term of exactly 40 characters', async () => {
    expect(await codes(`?q=${encodeURIComponent('あ'.repeat(40))}`)).toEqual({ codes: [], total: 0 });
  });
});

describe('tenants and their first admin', () => {
  const clock = fixedClock(new Date('2026-04-01T00:00:00.000Z'));
  let t: TestApp;
  let opUser: { id: string };
  let tenantA: Tenant;
  let customer: Awaited<ReturnType<typeof makeCustomer>>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const operator = await makeOperator(t.db);
    opUser = await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
    await makeUser(t.db, 'support@example.jp', [{ organization: operator, role: 'support_agent' }]);
    tenantA = await makeTenant(t.db, 'あおぞら販売');
    customer = await makeCustomer(t.db, tenantA.id, 'ひかり工業');
    await makeUser(t.db, 'partner@example.jp', [
      { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
    ]);
    await makeUser(t.db, 'customer@example.jp', [{ organization: customer, role: 'admin' }]);
  });
  afterAll(() => t.close());

  describe('creating a tenant', () => {
    it('gives the tenant the next T code, stores it and records who did it', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const before = await countRows(t.db);
      const res = await op.post('/api/operator/tenants', { name: '  みなと物産  ' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        code: expect.stringMatching(/^T\d{7}$/),
        name: 'みなと物産',
        createdAt: clock.now().toISOString(),
      });
      const row = await t.db
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        id: body.id,
        kind: 'partner',
        code: body.code,
        name: 'みなと物産',
        tenant_id: body.id,
        created_at: clock.now(),
        // A partner has no support ID (customers get one) and is not on trial.
        support_id: null,
        trial: false,
      });
      const audit = await t.db
        .selectFrom('audit_events')
        .select([
          'actor_user_id',
          'organization_id',
          'tenant_id',
          'action',
          'target_type',
          'target_id',
          'details',
          'occurred_at',
        ])
        .where('action', '=', 'tenant.create')
        .where('target_id', '=', body.id)
        .execute();
      expect(audit).toEqual([
        {
          actor_user_id: opUser.id,
          organization_id: body.id,
          tenant_id: body.id,
          action: 'tenant.create',
          target_type: 'organization',
          target_id: body.id,
          details: { code: body.code, name: 'みなと物産' },
          occurred_at: clock.now(),
        },
      ]);
      expect(await countRows(t.db)).toEqual({
        ...before,
        organizations: before.organizations! + 1,
        audit_events: before.audit_events! + 1,
      });
    });

    it('numbers tenants one after the other', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const first = (await op.post('/api/operator/tenants', { name: '一番商事' })).json();
      const second = (await op.post('/api/operator/tenants', { name: '二番商事' })).json();
      expect(Number(second.code.slice(1))).toBe(Number(first.code.slice(1)) + 1);
    });

    it('a blank name is refused and nothing is created', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const before = await countRows(t.db);
      const res = await op.post('/api/operator/tenants', { name: '   ' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'validation',
          message: '入力内容に誤りがあります。',
          fields: { name: ['入力してください。'] },
        },
      });
      expect(await countRows(t.db)).toEqual(before);
    });
  });

  describe('inviting the first admin', () => {
    it('stores the invitation with only the hash of its token and queues the mail with the link', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const before = await countRows(t.db);
      const res = await op.post(`/api/operator/tenants/${tenantA.id}/invitations`, {
        email: 'first-admin@example.jp',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      const expiresAt = new Date(clock.now().getTime() + 7 * DAY);
      expect(body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        email: 'first-admin@example.jp',
        expiresAt: expiresAt.toISOString(),
      });

      const mail = await latestMailTo(t.db, 'first-admin@example.jp');
      const token = invitationTokenIn(mail.body);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mail).toEqual({
        id: expect.any(String),
        channel: 'mail',
        recipient: 'first-admin@example.jp',
        locale: 'ja',
        template: 'invitation',
        subject: '【Madoguchi】新規ユーザ登録のお願い',
        body: expect.any(String),
        tenant_id: tenantA.id,
        status: 'pending',
        attempts: 0,
        last_error: null,
        created_at: clock.now(),
        sent_at: null,
      });
      expect(mail.body).toContain(`テナント ID : ${tenantA.code}`);
      expect(mail.body).toContain('テナント名 : あおぞら販売');
      expect(mail.body).toContain(`\nhttp://portal.test/invitations/${token}\n`);
      expect(mail.body).toContain('（有効期限: 2026/04/08 09:00 JST）');

      const invitation = await t.db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(invitation).toEqual({
        id: body.id,
        organization_id: tenantA.id,
        tenant_id: tenantA.id,
        email: 'first-admin@example.jp',
        role: 'admin',
        token_hash: createHash('sha256').update(token).digest('hex'),
        invited_by: opUser.id,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_user_id: null,
        created_at: clock.now(),
        kind: 'signup',
        user_id: expect.any(String),
        membership_id: expect.any(String),
        cancelled_at: null,
        failed_checks: 0,
      });
      expect(JSON.stringify(invitation)).not.toContain(token);
      // The invitee exists from now on: no password or name yet, an 'invited' membership.
      const invitee = await t.db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select(['users.id', 'users.name', 'users.password_hash', 'memberships.id as membershipId'])
        .select(['memberships.status', 'memberships.role', 'memberships.organization_id'])
        .where('users.email', '=', 'first-admin@example.jp')
        .executeTakeFirstOrThrow();
      expect(invitee).toEqual({
        id: invitation.user_id,
        name: '',
        password_hash: null,
        membershipId: invitation.membership_id,
        status: 'invited',
        role: 'admin',
        organization_id: tenantA.id,
      });

      const { rows: jobs } = await sql<{ data: { outboxId: string } }>`
        SELECT data FROM pgboss.job WHERE name = 'outbox-deliver' AND data->>'outboxId' = ${mail.id}
      `.execute(t.db);
      expect(jobs).toEqual([{ data: { outboxId: mail.id } }]);

      const audit = await t.db
        .selectFrom('audit_events')
        .select(['actor_user_id', 'organization_id', 'tenant_id', 'target_type', 'details'])
        .where('action', '=', 'invitation.create')
        .where('target_id', '=', body.id)
        .execute();
      expect(audit).toEqual([
        {
          actor_user_id: opUser.id,
          organization_id: tenantA.id,
          tenant_id: tenantA.id,
          target_type: 'invitation',
          details: { email: 'first-admin@example.jp', role: 'admin' },
        },
      ]);
      expect(await countRows(t.db)).toEqual({
        ...before,
        users: before.users! + 1,
        memberships: before.memberships! + 1,
        invitations: before.invitations! + 1,
        outbox: before.outbox! + 1,
        jobs: before.jobs! + 1,
        audit_events: before.audit_events! + 1,
      });
    });

    it.each([
      ['an unknown tenant', () => '999999999'],
      ['a customer, which is not a tenant', () => customer.id],
    ])('inviting into %s is a 404 and writes nothing', async (_case, id) => {
      const op = await signedIn(t.app, 'op@example.jp');
      const before = await countRows(t.db);
      const res = await op.post(`/api/operator/tenants/${id()}/invitations`, { email: 'x@example.jp' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: '対象が見つかりません。' } });
      expect(await countRows(t.db)).toEqual(before);
    });

    it('an address that is not an e-mail address is refused and nothing is queued', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const before = await countRows(t.db);
      const res = await op.post(`/api/operator/tenants/${tenantA.id}/invitations`, {
        email: 'not-an-address',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'validation',
          message: '入力内容に誤りがあります。',
          fields: { email: ['メールアドレスの形式が正しくありません。'] },
        },
      });
      expect(await countRows(t.db)).toEqual(before);
    });
  });

  describe('the tenant detail', () => {
    it('shows members and invitations as pending, accepted or expired', async () => {
      const tenant = await makeTenant(t.db, 'つばめ通商');
      const member = await makeUser(t.db, 'tsubame-admin@example.jp', [
        { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
      ]);
      const start = clock.now();
      try {
        const op = await signedIn(t.app, 'op@example.jp');
        const old = (
          await op.post(`/api/operator/tenants/${tenant.id}/invitations`, { email: 'late@example.jp' })
        ).json();
        clock.advance(7 * DAY + 1);
        const later = clock.now();
        const op2 = await signedIn(t.app, 'op@example.jp');
        const joined = (
          await op2.post(`/api/operator/tenants/${tenant.id}/invitations`, { email: 'joined@example.jp' })
        ).json();
        const accept = await new TestClient(t.app).post(
          `/api/invitations/${invitationTokenIn((await latestMailTo(t.db, 'joined@example.jp')).body)}/accept`,
          { name: '参加　太郎', password: TEST_PASSWORD, passwordConfirm: TEST_PASSWORD },
        );
        expect(accept.statusCode).toBe(200);
        const pending = (
          await op2.post(`/api/operator/tenants/${tenant.id}/invitations`, { email: 'pending@example.jp' })
        ).json();
        const joinedUser = await t.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'joined@example.jp')
          .executeTakeFirstOrThrow();

        const res = await op2.get(`/api/operator/tenants/${tenant.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          id: tenant.id,
          code: tenant.code,
          name: 'つばめ通商',
          createdAt: tenant.createdAt.toISOString(),
          members: [
            { userId: joinedUser.id, email: 'joined@example.jp', name: '参加　太郎', role: 'admin' },
            { userId: member.id, email: 'tsubame-admin@example.jp', name: 'テスト 利用者', role: 'admin' },
          ],
          invitations: [
            {
              id: pending.id,
              email: 'pending@example.jp',
              status: 'pending',
              expiresAt: new Date(later.getTime() + 7 * DAY).toISOString(),
              createdAt: later.toISOString(),
            },
            {
              id: joined.id,
              email: 'joined@example.jp',
              status: 'accepted',
              expiresAt: new Date(later.getTime() + 7 * DAY).toISOString(),
              createdAt: later.toISOString(),
            },
            {
              id: old.id,
              email: 'late@example.jp',
              status: 'expired',
              expiresAt: new Date(start.getTime() + 7 * DAY).toISOString(),
              createdAt: start.toISOString(),
            },
          ],
        });

        const list = await op2.get(`/api/operator/tenants?q=${encodeURIComponent('つばめ')}`);
        expect(list.json().items).toEqual([
          expect.objectContaining({ code: tenant.code, memberCount: 2, pendingInvitationCount: 1 }),
        ]);
      } finally {
        clock.set(start);
      }
    });

    it.each([
      ['an unknown id', () => '999999999'],
      ['a customer id', () => customer.id],
    ])('%s is a 404', async (_case, id) => {
      const op = await signedIn(t.app, 'op@example.jp');
      const res = await op.get(`/api/operator/tenants/${id()}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: '対象が見つかりません。' } });
    });

    it('an id that is not a number is a 400 on the field', async () => {
      const op = await signedIn(t.app, 'op@example.jp');
      const res = await op.get('/api/operator/tenants/T8000001');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'validation',
          message: '入力内容に誤りがあります。',
          fields: { tenantId: ['入力内容が正しくありません。'] },
        },
      });
    });
  });

  describe('who may use the operator console', () => {
    const forbidden = { error: { code: 'forbidden', message: 'この操作を行う権限がありません。' } };
    const unauthenticated = { error: { code: 'unauthenticated', message: 'ログインしてください。' } };
    const calls = (): [string, string, unknown][] => [
      ['GET', '/api/operator/tenants', undefined],
      ['GET', `/api/operator/tenants/${tenantA.id}`, undefined],
      ['POST', '/api/operator/tenants', { name: '権限確認商事' }],
      ['POST', `/api/operator/tenants/${tenantA.id}/invitations`, { email: 'who@example.jp' }],
    ];

    it('a support agent can read the tenants but cannot create or invite', async () => {
      const support = await signedIn(t.app, 'support@example.jp');
      const before = await countRows(t.db);
      expect((await support.get('/api/operator/tenants')).statusCode).toBe(200);
      const detail = await support.get(`/api/operator/tenants/${tenantA.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().code).toBe(tenantA.code);
      for (const [method, url, body] of calls().filter(([m]) => m === 'POST')) {
        const res = await support.request(method as 'POST', url, body);
        expect({ url, status: res.statusCode, body: res.json() }).toEqual({
          url,
          status: 403,
          body: forbidden,
        });
      }
      expect(await countRows(t.db)).toEqual(before);
    });

    it.each([
      ['a partner admin', 'partner@example.jp'],
      ['a customer user', 'customer@example.jp'],
    ])('%s is refused on every operator route, even with a bad body', async (_who, email) => {
      const client = await signedIn(t.app, email);
      const before = await countRows(t.db);
      for (const [method, url, body] of calls()) {
        const res = await client.request(method as 'GET', url, body);
        expect({ url, status: res.statusCode, body: res.json() }).toEqual({
          url,
          status: 403,
          body: forbidden,
        });
        if (method === 'POST') {
          const bad = await client.request('POST', url, { unexpected: true });
          expect({ url, status: bad.statusCode, body: bad.json() }).toEqual({
            url,
            status: 403,
            body: forbidden,
          });
        }
      }
      expect(await countRows(t.db)).toEqual(before);
    });

    it('a signed-out visitor is asked to log in on every operator route', async () => {
      const anonymous = new TestClient(t.app);
      const before = await countRows(t.db);
      for (const [method, url, body] of calls()) {
        const res = await anonymous.request(method as 'GET', url, body);
        expect({ url, status: res.statusCode, body: res.json() }).toEqual({
          url,
          status: 401,
          body: unauthenticated,
        });
      }
      expect(await countRows(t.db)).toEqual(before);
    });
  });
});
