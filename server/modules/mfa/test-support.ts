import type { Db } from '../../db/pool.js';
import { TEST_PASSWORD } from '../../test/factories.js';
import { TestClient } from '../../test/http-client.js';
import type { TestApp } from '../../test/test-app.js';
import { listMailbox } from '../mailbox/repository.js';
import { totpFor } from './totp.js';

/** Test helpers of the MFA tests (not used by the application). */

/** The 6-digit code in the newest mail or SMS to `recipient`. */
export async function lastCodeTo(db: Db, recipient: string): Promise<string> {
  const [row] = await listMailbox(db, recipient);
  if (!row) throw new Error(`nothing was sent to ${recipient}`);
  const code = /(\d{6})/.exec(row.body)?.[1];
  if (!code) throw new Error(`no code in:\n${row.body}`);
  return code;
}

/** What an authenticator app shows for `secret` at `at`. */
export const appCode = (secret: string, at: Date) =>
  totpFor(secret, '').generate({ timestamp: at.getTime() });

/** A fresh browser that entered the right password; the answer is the login's JSON. */
export async function passwordStep(t: TestApp, email: string) {
  const client = new TestClient(t.app);
  const res = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { client, body: res.json() };
}

/** Re-authenticates, pairs an authenticator app and returns its secret and the recovery codes. */
export async function enrolTotp(client: TestClient, now: Date) {
  if ((await client.post('/api/me/reauth', { password: TEST_PASSWORD })).statusCode !== 204)
    throw new Error('reauth failed');
  const setup = (await client.post('/api/me/mfa/totp/setup')).json();
  const confirmed = await client.post('/api/me/mfa/totp/confirm', { code: appCode(setup.secret, now) });
  if (confirmed.statusCode !== 200) throw new Error(`confirm failed: ${confirmed.body}`);
  return { secret: setup.secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

export const invalidCode = { error: { code: 'invalid_code', message: '認証コードが正しくありません。' } };
export const loginExpired = {
  error: { code: 'login_expired', message: 'ログインの有効期限が切れました。最初からやり直してください。' },
};
