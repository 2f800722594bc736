import type { AppDeps } from '../../deps.js';
import { setSessionMembership } from '../../platform/auth/session-store.js';
import { notFound } from '../../platform/errors.js';

/** Switches the session to one of the user's own memberships; any other organisation is a 404. */
export async function selectOrganization(
  deps: AppDeps,
  input: { userId: string; sessionId: string; organizationId: string },
): Promise<string> {
  const membership = await deps.db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', input.userId)
    .where('organization_id', '=', input.organizationId)
    // Invited and disabled memberships cannot be chosen: they answer like someone else's.
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!membership) throw notFound();
  await setSessionMembership(deps.db, input.sessionId, membership.id);
  return membership.id;
}
