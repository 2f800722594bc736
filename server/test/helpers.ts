import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { standardPolicy } from '../../common/password-policy.js';
import type { Db } from '../db/pool.js';
import { TEST_PASSWORD } from './factories.js';
import { TestClient } from './http-client.js';

/** A browser that has signed in as `email`. */
export async function signedIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const client = new TestClient(app);
  await client.login(email, password);
  return client;
}

/** Row counts of every table a request could write to, and the queued delivery jobs. */
export async function countRows(db: Db) {
  const { rows } = await sql<Record<string, string>>`
    SELECT
      (SELECT count(*) FROM organizations) AS organizations,
      (SELECT count(*) FROM users) AS users,
      (SELECT count(*) FROM memberships) AS memberships,
      (SELECT count(*) FROM invitations) AS invitations,
      (SELECT count(*) FROM invitations WHERE accepted_at IS NOT NULL) AS accepted_invitations,
      (SELECT count(*) FROM outbox) AS outbox,
      (SELECT count(*) FROM audit_events) AS audit_events,
      (SELECT count(*) FROM mail_templates) AS mail_templates,
      (SELECT count(*) FROM pgboss.job WHERE name = 'outbox-deliver') AS jobs
  `.execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** The newest mail queued for `recipient`, as stored in the outbox. */
export async function latestMailTo(db: Db, recipient: string) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

/** The raw link token in an invitation mail body (only the mail ever carries it). */
export function invitationTokenIn(body: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error(`no invitation link in mail:\n${body}`);
  return match[1]!;
}

/** The 400 answer to invalid input, in Japanese, with the given field messages. */
export const validationError = (fields: Record<string, string[]>) => ({
  error: { code: 'validation', message: '入力内容に誤りがあります。', fields },
});

/** The body of a policy PUT holding the manual's defaults (ID-2, ID-3): 10 tries, 60 minutes. */
export const defaultPolicyBody = { ...standardPolicy, lockoutThreshold: 10, lockoutMinutes: 60 };

/** A signed-in client that has also re-entered its password (the step-up of sensitive actions). */
export async function steppedUp(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const client = await signedIn(app, email, password);
  const res = await client.post('/api/me/reauth', { password });
  if (res.statusCode !== 204) throw new Error(`re-authentication failed: ${res.statusCode} ${res.body}`);
  return client;
}
