import type { Db } from '../../db/pool.js';
import { type PendingAction, pendingActionsOf } from '../../platform/auth/pending-actions.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import { listMemberships, type MembershipView } from './repository.js';

export type SignedInView = {
  user: SignedInUser;
  memberships: MembershipView[];
  current: MembershipView | null;
  /** Steps the browser must take the user through before any portal page. */
  pendingActions: PendingAction[];
};
export type SessionView = { user: null } | SignedInView;

/** What the browser needs to know about the signed-in user (never the raw rows). */
export async function presentSession(
  db: Db,
  user: SignedInUser | null,
  membershipId: string | null,
): Promise<SessionView> {
  if (!user) return { user: null };
  return presentSignedIn(db, { user, membershipId });
}

/** The session view of a user who has just signed in (or is signed in). */
export async function presentSignedIn(
  db: Db,
  { user, membershipId }: { user: SignedInUser; membershipId: string | null },
): Promise<SignedInView> {
  const rows = await listMemberships(db, user.id);
  const strip = ({ membershipId: _, ...m }: (typeof rows)[number]): MembershipView => m;
  const current = rows.find((r) => r.membershipId === membershipId);
  return {
    user,
    memberships: rows.map(strip),
    current: current ? strip(current) : null,
    pendingActions: await pendingActionsOf(db, user.id),
  };
}
