import type { Db } from '../../db/pool.js';
import type { Clock } from '../clock.js';
import { hashToken, newToken } from '../tokens.js';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export type ActiveSession = {
  id: string;
  userId: string;
  membershipId: string | null;
  lastSeenAt: Date;
  /** The client certificate verified when the session was opened, if any. */
  certificateId: string | null;
};

/** Starts a new server-side session (a fresh id at every login) and returns the cookie token. */
export async function createSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  input: {
    userId: string;
    membershipId: string | null;
    ip: string | null;
    userAgent: string | null;
    certificateId?: string | null;
  },
): Promise<string> {
  const { token, hash } = newToken();
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: hash,
      user_id: input.userId,
      membership_id: input.membershipId,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3600_000),
      certificate_id: input.certificateId ?? null,
    })
    .execute();
  return token;
}

/**
 * The live session for a cookie token, or null when unknown, revoked, idle too long or expired,
 * or opened with a client certificate that has since been revoked or has expired.
 */
export async function findActiveSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<ActiveSession | null> {
  const now = clock.now();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('certificates', 'certificates.id', 'sessions.certificate_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.membership_id',
      'sessions.last_seen_at',
      'sessions.certificate_id',
    ])
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', new Date(now.getTime() - policy.idleMinutes * 60_000))
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('sessions.certificate_id', 'is', null),
        eb.and([eb('certificates.revoked_at', 'is', null), eb('certificates.not_after', '>', now)]),
      ]),
    )
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    membershipId: row.membership_id,
    lastSeenAt: row.last_seen_at,
    certificateId: row.certificate_id,
  };
}

/** Records activity; skipped within a minute of the last write to keep reads cheap. */
export async function touchSession(db: Db, clock: Clock, session: ActiveSession): Promise<void> {
  const now = clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
}

export async function setSessionMembership(db: Db, sessionId: string, membershipId: string): Promise<void> {
  await db.updateTable('sessions').set({ membership_id: membershipId }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('id', '=', sessionId).execute();
}
