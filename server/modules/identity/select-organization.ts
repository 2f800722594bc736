import type { AppDeps } from '../../deps.js';
import { setSessionMembership } from '../../platform/auth/session-store.js';
import { notFound } from '../../platform/errors.js';
import { findActiveMembershipId } from './repository.js';

/** Switches the session to one of the user's own memberships; any other organisation is a 404. */
export async function selectOrganization(
  deps: AppDeps,
  input: { userId: string; sessionId: string; organizationId: string },
): Promise<string> {
  const membershipId = await findActiveMembershipId(deps.db, input.userId, input.organizationId);
  if (!membershipId) throw notFound();
  await setSessionMembership(deps.db, input.sessionId, membershipId);
  return membershipId;
}
