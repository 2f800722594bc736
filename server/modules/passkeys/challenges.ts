import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { challengeMinutes } from './relying-party.js';

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
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      purpose: binding.purpose,
      bound_to: binding.boundTo,
      user_id: input.userId,
      challenge: input.challenge,
      created_at: now,
      expires_at: new Date(now.getTime() + challengeMinutes * 60_000),
    })
    .onConflict((oc) =>
      oc.columns(['purpose', 'bound_to']).doUpdateSet((eb) => ({
        user_id: eb.ref('excluded.user_id'),
        challenge: eb.ref('excluded.challenge'),
        created_at: eb.ref('excluded.created_at'),
        expires_at: eb.ref('excluded.expires_at'),
      })),
    )
    .execute();
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
  const row = await db
    .deleteFrom('webauthn_challenges')
    .where('purpose', '=', binding.purpose)
    .where('bound_to', '=', binding.boundTo)
    .returning(['challenge', 'expires_at', 'user_id'])
    .executeTakeFirst();
  if (!row || row.user_id !== userId || row.expires_at <= clock.now()) return undefined;
  return row.challenge;
}
