import { sql } from 'kysely';
import type { Locale, OrganizationKind, Role } from '../../../common/roles.js';
import { type Db, executePrepared } from '../../db/pool.js';
import type { Clock } from '../clock.js';
import { hashToken, newToken } from '../tokens.js';
import { type PendingAction, pendingFrom, termsPending } from './pending-actions.js';
import type { Scope } from './scope.js';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export type ActiveSession = {
  id: string;
  userId: string;
  membershipId: string | null;
  lastSeenAt: Date;
  /** The absolute end of the session. */
  expiresAt: Date;
  /** The client certificate verified when the session was opened, if any, and when it expires. */
  certificateId: string | null;
  certificateNotAfter: Date | null;
};

export type NewSession = {
  userId: string;
  membershipId: string | null;
  ip: string | null;
  userAgent: string | null;
  certificateId?: string | null;
};

/** A new session's cookie token and its row (a fresh id at every login; the row keeps its hash). */
export function newSessionRow(clock: Clock, policy: SessionPolicy, input: NewSession) {
  const { token, hash } = newToken();
  const now = clock.now();
  const row = {
    id: hash,
    user_id: input.userId,
    membership_id: input.membershipId,
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + policy.absoluteHours * 3600_000),
    certificate_id: input.certificateId ?? null,
  };
  return { token, row };
}

/** Starts a new server-side session and returns the cookie token. */
export async function createSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  input: NewSession,
): Promise<string> {
  const { token, row } = newSessionRow(clock, policy, input);
  await db.insertInto('sessions').values(row).execute();
  return token;
}

/** Activity is written to the session row at most this often (a read-mostly request writes nothing). */
export const TOUCH_EVERY_MS = 60_000;

/** Everything a request needs to know about its caller, read in one statement. */
export type SignedIn = {
  session: ActiveSession;
  user: { id: string; email: string; name: string; locale: Locale; timeZone: string };
  /** The session's membership while it is active (a disabled one gives no scope). */
  scope: Scope | null;
  /** The organisations of all the user's memberships (their rows are the user's own). */
  organizationIds: string[];
  pending: PendingAction[];
};

/**
 * The live session for a cookie token with its user, membership and pending actions — one
 * statement — or null when unknown, revoked, idle too long or expired, when the user is not
 * active, or when it was opened with a client certificate that has since been revoked or has expired.
 *
 * Idle: the session ends exactly `idleMinutes` after the last activity recorded in `last_seen_at`.
 * Activity is recorded at most once a minute (`touchSession`), so a request within a minute of the
 * recorded one does not move the deadline: a session never outlives its idle limit, and ends at
 * most one minute before the limit counted from its very last request.
 */
export async function findSignedIn(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<SignedIn | null> {
  const now = clock.now();
  const [row] = await executePrepared(
    db,
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('certificates as c', 'c.id', 's.certificate_id')
      .leftJoin('memberships as m', (j) =>
        j.onRef('m.id', '=', 's.membership_id').onRef('m.user_id', '=', 'u.id').on('m.status', '=', 'active'),
      )
      .leftJoin('organizations as o', 'o.id', 'm.organization_id')
      .select([
        's.id',
        's.user_id',
        's.membership_id as session_membership_id',
        's.last_seen_at',
        's.expires_at',
        's.certificate_id',
        'c.not_after as certificate_not_after',
        'u.email',
        'u.name',
        'u.locale',
        'u.time_zone',
        'u.must_change_password',
        'u.mfa_enrolment_required',
        termsPending(sql.ref('u.id')).as('terms_pending'),
        sql<string[]>`ARRAY(SELECT um.organization_id FROM memberships um WHERE um.user_id = u.id)`.as(
          'organization_ids',
        ),
        'm.id as membership_id',
        'm.role',
        'm.organization_id',
        'o.kind',
        'o.tenant_id',
      ])
      .where('s.id', '=', hashToken(token))
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', new Date(now.getTime() - policy.idleMinutes * 60_000))
      .where('u.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb('s.certificate_id', 'is', null),
          eb.and([eb('c.revoked_at', 'is', null), eb('c.not_after', '>', now)]),
        ]),
      ),
  );
  if (!row) return null;
  const scope: Scope | null =
    row.membership_id && row.organization_id && row.kind && row.role
      ? {
          userId: row.user_id,
          membershipId: row.membership_id,
          organizationId: row.organization_id,
          kind: row.kind as OrganizationKind,
          tenantId: row.kind === 'operator' ? null : row.tenant_id,
          role: row.role as Role,
        }
      : null;
  return {
    session: {
      id: row.id,
      userId: row.user_id,
      membershipId: row.session_membership_id,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      certificateId: row.certificate_id,
      certificateNotAfter: row.certificate_not_after,
    },
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale, timeZone: row.time_zone },
    scope,
    organizationIds: row.organization_ids,
    pending: pendingFrom(row),
  };
}

/**
 * Records activity when the recorded one is a minute old or more (else nothing is written). The
 * condition is repeated in SQL, so parallel requests of one session write it once.
 */
export async function touchSession(
  db: Db,
  clock: Clock,
  session: ActiveSession,
): Promise<'recent' | 'recorded' | 'recorded elsewhere'> {
  const now = clock.now();
  const due = new Date(now.getTime() - TOUCH_EVERY_MS);
  if (session.lastSeenAt > due) return 'recent';
  const { numUpdatedRows } = await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', session.id)
    .where('last_seen_at', '<=', due)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return 'recorded elsewhere';
  // A kept copy (the session cache) now knows the recorded activity too.
  session.lastSeenAt = now;
  return 'recorded';
}

export async function setSessionMembership(db: Db, sessionId: string, membershipId: string): Promise<void> {
  await db.updateTable('sessions').set({ membership_id: membershipId }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('id', '=', sessionId).execute();
}
