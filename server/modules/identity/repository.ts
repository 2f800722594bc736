import { type Expression, type Insertable, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/pool.js';
import { durableCommit, relaxedCommit } from '../../db/relaxed-commit.js';
import type { AuditEventsTable, SessionsTable } from '../../db/types.js';
import { termsPending } from '../../platform/auth/pending-actions.js';

export type MembershipView = {
  organizationId: string;
  kind: 'operator' | 'partner' | 'customer';
  code: string;
  name: string;
  role: 'operator_admin' | 'support_agent' | 'admin' | 'member';
};

export type MembershipSort = { sort: 'code' | 'name'; order: 'asc' | 'desc' };

/** A user's active memberships joined with their organisations, and the columns every list shows. */
const activeMembershipsOf = (db: Db, userId: string | Expression<string>) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      // As text, also inside JSON (see findUserByEmail): ids are decimal strings everywhere.
      sql<string>`memberships.id::text`.as('membershipId'),
      sql<string>`organizations.id::text`.as('organizationId'),
      'organizations.kind',
      'organizations.code',
      'organizations.name',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .where('memberships.status', '=', 'active');

/** A user's memberships with their organisations, sorted in SQL (the tenant selection list). */
export async function listMemberships(
  db: Db,
  userId: string,
  { sort, order }: MembershipSort = { sort: 'code', order: 'asc' },
): Promise<(MembershipView & { membershipId: string })[]> {
  return activeMembershipsOf(db, userId)
    .orderBy(sort === 'name' ? 'organizations.name' : 'organizations.code', order)
    .orderBy('organizations.id')
    .execute();
}

/**
 * The sign-in's one read: the account by e-mail with what a session opened now needs — its
 * pending actions, and its active memberships (the session's list, in its order) with each
 * organisation's MFA policy, from which the certificate rule and the strictest policy follow.
 * Nothing of it is used before the password is verified.
 */
export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'password_hash',
      'status',
      'locale',
      'time_zone',
      'locked_until',
      'mfa_method',
      'mfa_enrolment_required',
      'must_change_password',
      termsPending(sql.ref('users.id')).as('terms_pending'),
      jsonArrayFrom(
        activeMembershipsOf(db, sql.ref('users.id'))
          .leftJoin('organization_mfa_policies as p', 'p.organization_id', 'memberships.organization_id')
          .select(['p.require_mfa', 'p.allowed_methods', 'p.require_certificate_for_admins'])
          .orderBy('organizations.code')
          .orderBy('organizations.id'),
      ).as('memberships'),
    ])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The user's own language (the language switch of every portal). */
export async function setUserLocale(db: Db, userId: string, locale: 'ja' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

/** The user's active membership in the organisation (the one a session may switch to), or undefined. */
export async function findActiveMembershipId(db: Db, userId: string, organizationId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    // Invited and disabled memberships cannot be chosen: they answer like someone else's.
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.id;
}

/** A successful sign-in: its time, and the failure count and lock cleared. */
/**
 * A successful login's writes in one statement: the new session, the user's failure count reset
 * (and whether a second factor must be enrolled), the audit event. `relaxedCommit`: the commit
 * does not wait for the disk (a crash may lose a sign-in that nothing durable has followed yet;
 * the browser signs in again; any later durable commit flushes it with it) — only where the
 * statement commits on its own.
 */
export async function recordSignIn(
  db: Db,
  input: {
    session: Insertable<SessionsTable>;
    userId: string;
    now: Date;
    mfaEnrolmentRequired?: boolean;
    audit: Insertable<AuditEventsTable>;
    relaxedCommit?: boolean;
  },
): Promise<void> {
  const user = {
    last_login_at: input.now,
    failed_login_count: 0,
    locked_until: null,
    ...(input.mfaEnrolmentRequired === undefined
      ? {}
      : { mfa_enrolment_required: input.mfaEnrolmentRequired }),
  };
  await db
    .with('relaxed', () => (input.relaxedCommit ? relaxedCommit : durableCommit))
    .with('session', (qb) => qb.insertInto('sessions').values(input.session))
    .with('account', (qb) => qb.updateTable('users').set(user).where('id', '=', input.userId))
    .with('audit', (qb) => qb.insertInto('audit_events').values(input.audit))
    .selectFrom('relaxed')
    .select('relaxed')
    .execute();
}

/**
 * Counts one wrong password in the user's row, atomically (parallel attempts cannot pass the
 * limit): the count restarts after an expired lock, and reaching `threshold` locks the account
 * until `lockUntil`. A row locked now is not counted (no row comes back); answers the new count
 * and lock.
 */
export async function countFailedLogin(
  trx: Db,
  userId: string,
  now: Date,
  lockout: { threshold: number; lockUntil: Date },
) {
  const nextCount = sql<number>`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_login_count + 1 END`;
  return trx
    .updateTable('users')
    .set({
      failed_login_count: nextCount,
      locked_until: sql<Date | null>`CASE WHEN ${nextCount} >= ${lockout.threshold} THEN ${lockout.lockUntil}::timestamptz ELSE NULL END`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_login_count', 'locked_until'])
    .executeTakeFirst();
}

/**
 * This transaction's commit does not wait for its write to reach the disk (`SET LOCAL
 * synchronous_commit = off`): a crash may lose it, any later durable commit flushes it too.
 */
export async function commitWithoutWaitingForDisk(trx: Db) {
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
}
