import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { makeTenant, makeUser } from '../../test/factories.js';
import { countRows, latestMailTo, signedIn, validationError as validation } from '../../test/helpers.js';
import { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { verifiedNotificationAddresses } from './repository.js';

const HOUR = 3_600_000;
const REQUIRED = '入力してください。';
const TOO_LONG = '入力できる文字数を超えています。';
const UNKNOWN = 'この項目は受け付けられません。';
const MISMATCH = 'メールアドレスが一致しません。';
const notFound = { error: { code: 'not_found', message: '対象が見つかりません。' } };
const clock = fixedClock(new Date('2026-06-01T00:00:00.000Z'));

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let adminA: TestClient;
let memberA: TestClient;
let adminB: TestClient;
const URL_ = '/api/partner/notification-addresses';

/** The raw token of the newest verification mail to `to` (only the mail carries it). */
async function tokenSentTo(to: string): Promise<string> {
  const mail = await latestMailTo(t.db, to);
  const match = /\/notification-addresses\/verify\/([A-Za-z0-9_-]+)/.exec(mail.body);
  if (!match) throw new Error(`no verification link in:\n${mail.body}`);
  return match[1]!;
}
const verifyUrl = (token: string) => `/api/notification-addresses/verify/${token}`;

/** Row counts including the addresses: "nothing written" checks them too. */
async function rows() {
  const n = await t.db
    .selectFrom('notification_addresses')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const stored = await t.db
    .selectFrom('notification_addresses')
    .select(['tenant_id', 'slot', 'email', 'verified_at', 'token_hash'])
    .orderBy('tenant_id')
    .orderBy('slot')
    .execute();
  return { ...(await countRows(t.db)), addresses: Number(n.n), stored };
}

async function refused(client: TestClient, body: unknown, fields: Record<string, string[]>) {
  const before = await rows();
  const res = await client.put(URL_, body);
  expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 400, body: validation(fields) });
  expect(await rows()).toEqual(before);
}

/** Saves `email1` as tenant A's first address and opens its link (POST): a verified address. */
async function verifiedFirst(email: string) {
  const res = await adminA.put(URL_, { email1: email, email1Confirm: email });
  expect(res.statusCode).toBe(200);
  const token = await tokenSentTo(email);
  expect((await new TestClient(t.app).post(verifyUrl(token))).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  await makeUser(t.db, 'admin-a@example.jp', [{ organization: tenantA, role: 'admin' }]);
  await makeUser(t.db, 'member-a@example.jp', [{ organization: tenantA, role: 'member' }]);
  await makeUser(t.db, 'admin-b@example.jp', [{ organization: tenantB, role: 'admin' }], { locale: 'en' });
  adminA = await signedIn(t.app, 'admin-a@example.jp');
  memberA = await signedIn(t.app, 'member-a@example.jp');
  adminB = await signedIn(t.app, 'admin-b@example.jp');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('notification_addresses').execute();
});

describe('saving addresses (PP-6)', () => {
  it('none stored: an empty list, nothing verified', async () => {
    expect((await memberA.get(URL_)).json()).toEqual({ addresses: [], anyVerified: false });
  });

  it('a new address is stored unverified and gets 登録メールアドレスの確認 with a 24-hour link', async () => {
    const res = await adminA.put(URL_, {
      email1: 'ops@aozora.example.jp',
      email1Confirm: 'ops@aozora.example.jp',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      addresses: [{ slot: 1, email: 'ops@aozora.example.jp', verified: false }],
      anyVerified: false,
      verificationSentTo: ['ops@aozora.example.jp'],
    });
    const mail = await latestMailTo(t.db, 'ops@aozora.example.jp');
    expect(mail.subject).toBe('【Madoguchi】登録メールアドレスの確認');
    expect(mail.tenant_id).toBe(tenantA.id);
    expect(mail.body).toContain('メールアドレスの登録ありがとうございます。');
    expect(mail.body).toContain('下記 URL にアクセスいただくことで登録完了となります。');
    expect(mail.body).toContain(`あおぞら販売（${tenantA.code}）`);
    expect(mail.body).toContain('有効期限: 2026/06/02 09:00');
    expect(mail.body).toMatch(/http:\/\/portal\.test\/notification-addresses\/verify\/[A-Za-z0-9_-]{43}\n/);
    // Not counted until verified.
    expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['tenant_id', 'details'])
      .where('action', '=', 'notification_addresses.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      tenant_id: tenantA.id,
      details: { verificationSentTo: ['ops@aozora.example.jp'], deletedSlots: [] },
    });
  });

  it('the mail is in the saving user’s language', async () => {
    await adminB.put(URL_, { email1: 'ops@kawasemi.example.com', email1Confirm: 'ops@kawasemi.example.com' });
    const mail = await latestMailTo(t.db, 'ops@kawasemi.example.com');
    expect(mail.subject).toBe('[Madoguchi] Please confirm your e-mail address');
    expect(mail.locale).toBe('en');
  });

  it('a new or changed address needs its confirm field: missing → required, different → mismatch; nothing written', async () => {
    await refused(adminA, { email1: 'a@example.jp' }, { email1Confirm: [REQUIRED] });
    await refused(
      adminA,
      { email1: 'a@example.jp', email1Confirm: 'b@example.jp' },
      { email1Confirm: [MISMATCH] },
    );
    await refused(
      adminA,
      {
        email1: 'a@example.jp',
        email1Confirm: 'a@example.jp',
        email2: 'b@example.jp',
        email2Confirm: 'B@example.jp',
        email3: 'c@example.jp',
      },
      { email2Confirm: [MISMATCH], email3Confirm: [REQUIRED] },
    );
  });

  it('an unchanged verified address stays verified and needs no confirm; only the new one is mailed', async () => {
    await verifiedFirst('ops@aozora.example.jp');
    expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual(['ops@aozora.example.jp']);
    const outboxBefore = (await countRows(t.db)).outbox!;
    const res = await adminA.put(URL_, {
      email1: 'ops@aozora.example.jp',
      email2: 'sales@aozora.example.jp',
      email2Confirm: 'sales@aozora.example.jp',
    });
    expect(res.json()).toEqual({
      addresses: [
        { slot: 1, email: 'ops@aozora.example.jp', verified: true },
        { slot: 2, email: 'sales@aozora.example.jp', verified: false },
      ],
      anyVerified: true,
      verificationSentTo: ['sales@aozora.example.jp'],
    });
    expect((await countRows(t.db)).outbox).toBe(outboxBefore + 1);
    expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual(['ops@aozora.example.jp']);
    // Saving the same again changes nothing and sends nothing ("メール設定を保存しました").
    const before = await rows();
    const again = await adminA.put(URL_, {
      email1: 'ops@aozora.example.jp',
      email2: 'sales@aozora.example.jp',
    });
    expect(again.json().verificationSentTo).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it('a changed address becomes unverified, is mailed, and the old address’s link stops working', async () => {
    await adminA.put(URL_, { email1: 'old@aozora.example.jp', email1Confirm: 'old@aozora.example.jp' });
    const oldToken = await tokenSentTo('old@aozora.example.jp');
    const res = await adminA.put(URL_, {
      email1: 'new@aozora.example.jp',
      email1Confirm: 'new@aozora.example.jp',
    });
    expect(res.json()).toMatchObject({
      addresses: [{ slot: 1, email: 'new@aozora.example.jp', verified: false }],
      verificationSentTo: ['new@aozora.example.jp'],
    });
    expect((await new TestClient(t.app).get(verifyUrl(oldToken))).statusCode).toBe(404);
    expect((await new TestClient(t.app).post(verifyUrl(oldToken))).statusCode).toBe(404);
  });

  it('emptying slots 2 and 3 deletes them without a mail; a verified slot 1 stays verified', async () => {
    await verifiedFirst('ops@aozora.example.jp');
    await adminA.put(URL_, {
      email1: 'ops@aozora.example.jp',
      email2: 'two@aozora.example.jp',
      email2Confirm: 'two@aozora.example.jp',
      email3: 'three@aozora.example.jp',
      email3Confirm: 'three@aozora.example.jp',
    });
    const outboxBefore = (await countRows(t.db)).outbox!;
    const res = await adminA.put(URL_, { email1: 'ops@aozora.example.jp', email2: '', email3: '' });
    expect(res.json()).toEqual({
      addresses: [{ slot: 1, email: 'ops@aozora.example.jp', verified: true }],
      anyVerified: true,
      verificationSentTo: [],
    });
    expect((await countRows(t.db)).outbox).toBe(outboxBefore);
    // Slot 3 keeps its place when slot 2 is empty.
    const third = await adminA.put(URL_, {
      email1: 'ops@aozora.example.jp',
      email3: 'three@aozora.example.jp',
      email3Confirm: 'three@aozora.example.jp',
    });
    expect(third.json().addresses.map((a: { slot: number }) => a.slot)).toEqual([1, 3]);
  });

  it('address 1 is required; 255 characters accepted, 256 refused; format, duplicates and unknown fields named', async () => {
    const at = (n: number) => `${'a'.repeat(n - '@example.jp'.length)}@example.jp`;
    await refused(adminA, {}, { email1: [REQUIRED] });
    await refused(
      adminA,
      { email1: '', email2: 'b@example.jp', email2Confirm: 'b@example.jp' },
      { email1: [REQUIRED] },
    );
    const ok = await adminA.put(URL_, {
      email1: at(255),
      email1Confirm: at(255),
      email2: `b${at(254)}`,
      email2Confirm: `b${at(254)}`,
    });
    expect(ok.statusCode).toBe(200);
    await refused(
      adminA,
      { email1: at(256), email1Confirm: at(256), email3: `c${at(255)}`, email3Confirm: `c${at(255)}` },
      { email1: [TOO_LONG], email1Confirm: [TOO_LONG], email3: [TOO_LONG], email3Confirm: [TOO_LONG] },
    );
    await refused(
      adminA,
      { email1: 'not-an-address', email2: '<script>alert(1)</script>' },
      {
        email1: ['メールアドレスの形式が正しくありません。'],
        email2: ['メールアドレスの形式が正しくありません。'],
      },
    );
    await refused(
      adminA,
      {
        email1: 'a@example.jp',
        email1Confirm: 'a@example.jp',
        email3: 'A@example.jp',
        email3Confirm: 'A@example.jp',
      },
      { email3: ['同じメールアドレスが既に入力されています。'] },
    );
    await refused(
      adminA,
      { email1: 'a@example.jp', email1Confirm: 'a@example.jp', email4: 'x@example.jp' },
      {
        email4: [UNKNOWN],
      },
    );
    await refused(adminA, { email1: ['a@example.jp'] }, { email1: ['入力内容が正しくありません。'] });
  });

  it('members read but cannot save; each tenant sees only its own addresses', async () => {
    await adminA.put(URL_, { email1: 'ops@aozora.example.jp', email1Confirm: 'ops@aozora.example.jp' });
    const before = await rows();
    const res = await memberA.put(URL_, { email1: 'x@example.jp', email1Confirm: 'x@example.jp' });
    expect(res.statusCode).toBe(403);
    expect(await rows()).toEqual(before);
    expect((await memberA.get(URL_)).json().addresses).toHaveLength(1);
    expect((await adminB.get(URL_)).json()).toEqual({ addresses: [], anyVerified: false });
    // Tenant B saving the same address is its own row; A's stays as it was.
    await adminB.put(URL_, { email1: 'ops@aozora.example.jp', email1Confirm: 'ops@aozora.example.jp' });
    expect(await verifiedNotificationAddresses(t.db, tenantB.id)).toEqual([]);
    expect((await adminA.get(URL_)).json().addresses).toEqual([
      { slot: 1, email: 'ops@aozora.example.jp', verified: false },
    ]);
  });
});

describe('the verification link', () => {
  it('GET shows the address and tenant without using the link; POST verifies once; a second use is a 404', async () => {
    await adminA.put(URL_, { email1: 'ops@aozora.example.jp', email1Confirm: 'ops@aozora.example.jp' });
    const token = await tokenSentTo('ops@aozora.example.jp');
    const anonymous = new TestClient(t.app);
    const shown = await anonymous.get(verifyUrl(token));
    expect(shown.json()).toEqual({
      email: 'ops@aozora.example.jp',
      tenantCode: tenantA.code,
      tenantName: 'あおぞら販売',
    });
    expect((await anonymous.get(verifyUrl(token))).statusCode).toBe(200);
    expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual([]);

    const done = await anonymous.post(verifyUrl(token));
    expect({ status: done.statusCode, body: done.json() }).toEqual({
      status: 200,
      body: { email: 'ops@aozora.example.jp' },
    });
    expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual(['ops@aozora.example.jp']);
    expect((await adminA.get(URL_)).json()).toEqual({
      addresses: [{ slot: 1, email: 'ops@aozora.example.jp', verified: true }],
      anyVerified: true,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['tenant_id', 'actor_user_id'])
      .where('action', '=', 'notification_address.verify')
      .execute();
    expect(audit).toContainEqual({ tenant_id: tenantA.id, actor_user_id: null });

    const before = await rows();
    for (const res of [await anonymous.post(verifyUrl(token)), await anonymous.get(verifyUrl(token))])
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: notFound });
    expect(await rows()).toEqual(before);
  });

  it('two parallel confirmations verify once: one 200, one 404', async () => {
    await adminA.put(URL_, { email1: 'ops@aozora.example.jp', email1Confirm: 'ops@aozora.example.jp' });
    const token = await tokenSentTo('ops@aozora.example.jp');
    const auditsBefore = (await countRows(t.db)).audit_events!;
    const answers = await Promise.all([
      new TestClient(t.app).post(verifyUrl(token)),
      new TestClient(t.app).post(verifyUrl(token)),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    expect((await countRows(t.db)).audit_events).toBe(auditsBefore + 1);
  });

  it('the link works for 24 hours: just before it is usable, at expiry it is a 404 for GET and POST', async () => {
    const start = clock.now();
    try {
      await adminA.put(URL_, { email1: 'ops@aozora.example.jp', email1Confirm: 'ops@aozora.example.jp' });
      const token = await tokenSentTo('ops@aozora.example.jp');
      clock.advance(24 * HOUR - 1);
      expect((await new TestClient(t.app).get(verifyUrl(token))).statusCode).toBe(200);
      clock.advance(1);
      const before = await rows();
      for (const res of [
        await new TestClient(t.app).get(verifyUrl(token)),
        await new TestClient(t.app).post(verifyUrl(token)),
      ])
        expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: notFound });
      expect(await rows()).toEqual(before);
      expect(await verifiedNotificationAddresses(t.db, tenantA.id)).toEqual([]);
      // Saving the unverified address again, unchanged, sends a fresh link (no confirm needed).
      // (A day later the old session has timed out: sign in again.)
      const admin = await signedIn(t.app, 'admin-a@example.jp');
      const resent = await admin.put(URL_, { email1: 'ops@aozora.example.jp' });
      expect(resent.json().verificationSentTo).toEqual(['ops@aozora.example.jp']);
      const fresh = await tokenSentTo('ops@aozora.example.jp');
      expect(fresh).not.toBe(token);
      expect((await new TestClient(t.app).post(verifyUrl(fresh))).statusCode).toBe(200);
    } finally {
      clock.set(start);
    }
  });

  it('unknown and malformed tokens: 404 and 400, nothing written', async () => {
    const before = await rows();
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get(verifyUrl('x'.repeat(43)))).json()).toEqual(notFound);
    expect((await anonymous.post(verifyUrl('x'.repeat(43)))).statusCode).toBe(404);
    expect((await anonymous.get(verifyUrl('short'))).statusCode).toBe(400);
    expect((await anonymous.post(verifyUrl('%3Cscript%3E'))).statusCode).toBe(400);
    expect(await rows()).toEqual(before);
  });
});
