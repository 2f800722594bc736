import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { challengeMinutes } from './relying-party.js';
import { deleteChallenge, deleteExpiredChallenges, upsertChallenge } from './repository.js';

type Purpose = 'registration' | 'authentication';
type Binding = { purpose: Purpose; boundTo: string };

/** What a registration challenge is bound to: the session that asked for it. */
export const sessionBinding = (sessionId: string): Binding => ({
  purpose: 'registration',
  boundTo: `session:${sessionId}`,
});
/** What a login-step challenge is bound to: the login attempt that asked for it. */
export const attemptBinding = (attemptId: string): Binding => ({
  purpose: 'authentication',
  boundTo: `attempt:${attemptId}`,
});

/**
 * Stores the one pending challenge of a session or login attempt, replacing an earlier one (only
 * the newest options work). Expired challenges of anyone are swept on the way.
 */
export async function storeChallenge(
  db: Db,
  clock: Clock,
  binding: Binding,
  input: { userId: string; challenge: string },
): Promise<void> {
  const now = clock.now();
  await deleteExpiredChallenges(db, now);
  await upsertChallenge(db, {
    purpose: binding.purpose,
    bound_to: binding.boundTo,
    user_id: input.userId,
    challenge: input.challenge,
    created_at: now,
    expires_at: new Date(now.getTime() + challengeMinutes * 60_000),
  });
}

/**
 * Takes the pending challenge of a session or attempt: deleted at once, so each is answered at
 * most once, right or wrong. Undefined when there is none, it expired, or it was another user's.
 */
export async function takeChallenge(
  db: Db,
  clock: Clock,
  binding: Binding,
  userId: string,
): Promise<string | undefined> {
  const row = await deleteChallenge(db, { purpose: binding.purpose, bound_to: binding.boundTo });
  if (!row || row.user_id !== userId || row.expires_at <= clock.now()) return undefined;
  return row.challenge;
}
