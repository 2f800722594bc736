import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { SessionPolicy } from '../../platform/auth/session-store.js';
import { notFound } from '../../platform/errors.js';
import { hashToken } from '../../platform/tokens.js';
import { liveSessionsOf, revokeUserSession } from './repository.js';
import { describeDevice } from './user-agent.js';

export type OwnSession = {
  id: string;
  current: boolean;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/**
 * The id a session is shown under: derived from the stored hash, so the list never reveals what
 * the server looks cookies up by, and stable so the browser can name one to end.
 */
export const publicSessionId = (storedId: string) => hashToken(storedId).slice(0, 16);

/** The user's live sessions (not revoked, not idle too long, not past the absolute limit), newest activity first. */
async function liveSessions(deps: AppDeps, userId: string, policy: SessionPolicy) {
  const now = deps.clock.now();
  return liveSessionsOf(deps.db, userId, now, new Date(now.getTime() - policy.idleMinutes * 60_000));
}

export async function listOwnSessions(
  deps: AppDeps,
  input: { userId: string; currentSessionId: string },
): Promise<OwnSession[]> {
  const rows = await liveSessions(deps, input.userId, deps.config.session);
  return rows.map((r) => ({
    id: publicSessionId(r.id),
    current: r.id === input.currentSessionId,
    device: describeDevice(r.user_agent),
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  }));
}

/** Ends one of the user's own sessions (「ログアウト」 on another device); anyone else's id is a 404. */
export async function revokeOwnSession(
  deps: AppDeps,
  input: { userId: string; publicId: string; ip: string | null },
): Promise<void> {
  const rows = await liveSessions(deps, input.userId, deps.config.session);
  const target = rows.find((r) => publicSessionId(r.id) === input.publicId);
  if (!target) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await revokeUserSession(trx, input.userId, target.id, deps.clock.now());
    await recordAudit(trx, deps.clock, {
      actorUserId: input.userId,
      action: 'session.revoke',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
      details: { session: input.publicId },
    });
  });
}
