import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A stranger cannot tell from the time of the answer whether an address has an account (the status
 * and body are the same already): an unknown address, an invitee without a password and a locked
 * account cost what a wrong password for an active account costs — one argon2 verification and
 * the counting statements.
 */

const ROUNDS = 40;
const WARM_UP = 5;
const WRONG = 'Wrong-Password-1!';

let t: TestApp;
let active: { id: string };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

/** One sign-in from a fresh browser: its time, after checking the one answer every failure gets. */
async function timedLogin(email: string, password: string, expectedStatus = 401): Promise<number> {
  const started = performance.now();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: 'mg_csrf=timing', 'x-csrf-token': 'timing' },
    payload: { email, password },
  });
  const ms = performance.now() - started;
  expect(res.statusCode).toBe(expectedStatus);
  if (expectedStatus === 401) expect(res.json().error.code).toBe('invalid_credentials');
  return ms;
}

beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  const tenant = await makeTenant(t.db);
  const org = { id: tenant.id, tenant_id: tenant.id };
  active = await makeUser(t.db, 'active@example.jp', [{ organization: org, role: 'member' }]);
  const invited = await makeUser(t.db, 'invited@example.jp', [{ organization: org, role: 'member' }]);
  await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', invited.id).execute();
  const locked = await makeUser(t.db, 'locked@example.jp', [{ organization: org, role: 'member' }]);
  await t.db
    .updateTable('users')
    .set({ locked_until: new Date(Date.now() + 3600_000), failed_login_count: 10 })
    .where('id', '=', locked.id)
    .execute();
});
afterAll(() => t.close());

describe('the time of a refused sign-in', () => {
  it('is the same for a wrong password, an unknown address, an invitee and a locked account', async () => {
    let unknown = 0;
    const wrongPassword = () => timedLogin('active@example.jp', WRONG);
    const others = {
      unknownAddress: () => timedLogin(`nobody-${++unknown}@example.jp`, WRONG),
      invitee: () => timedLogin('invited@example.jp', WRONG),
      locked: () => timedLogin('locked@example.jp', TEST_PASSWORD),
      // No database and no hashing: the request is refused by its schema.
      baseline: () => timedLogin('not-an-address', WRONG, 400),
    };
    const names = Object.keys(others) as (keyof typeof others)[];
    // Each path is timed in a pair with a wrong password, first or second in turn; the difference
    // within a pair is what is compared, so a burst of load from elsewhere hits both sides.
    const diffs = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
      keyof typeof others,
      number[]
    >;
    const wrong: number[] = [];
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      for (const name of names) {
        const [a, b] = round % 2 === 0 ? [wrongPassword, others[name]] : [others[name], wrongPassword];
        const first = await a();
        const second = await b();
        const [w, o] = round % 2 === 0 ? [first, second] : [second, first];
        if (round >= WARM_UP) {
          diffs[name].push(o - w);
          wrong.push(w);
        }
      }
      // The wrong password is counted: reset outside the timed requests, so it never locks.
      await t.db.updateTable('users').set({ failed_login_count: 0 }).where('id', '=', active.id).execute();
    }
    // The cost of the one argon2 verification on its own.
    const hash = await hashPassword('Some-Other-Password-9');
    const argon: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      await verifyPassword(hash, WRONG);
      argon.push(performance.now() - started);
    }
    const wrongMs = median(wrong);
    const argonMs = median(argon);
    const d = Object.fromEntries(names.map((n) => [n, median(diffs[n])])) as Record<
      keyof typeof others,
      number
    >;
    console.info('wrong password median ms', wrongMs, 'argon2', argonMs, 'median difference to it', d);

    // Within 15 % or 2.5 ms of a wrong password: the work the unknown address skipped before (the
    // counting statements and their commit, 3–6 ms at ~16 ms a login) does not fit in that.
    const tolerance = Math.max(0.15 * wrongMs, 2.5);
    for (const name of ['unknownAddress', 'invitee', 'locked'] as const) {
      expect(Math.abs(d[name]), name).toBeLessThanOrEqual(tolerance);
    }
    // And the check is not blind: a request that skips the hashing is far outside it.
    expect(-d.baseline).toBeGreaterThan(0.8 * argonMs);
    expect(-d.baseline).toBeGreaterThan(tolerance);

    // The failures of the active account were counted; the others changed nothing.
    const rows = await t.db
      .selectFrom('users')
      .select(['email', 'failed_login_count', 'locked_until'])
      .execute();
    expect(rows.find((r) => r.email === 'invited@example.jp')).toMatchObject({
      failed_login_count: 0,
      locked_until: null,
    });
    expect(rows.find((r) => r.email === 'locked@example.jp')?.failed_login_count).toBe(10);
  });
});
