import type { Db } from '../../db/pool.js';
import { type PendingAction, pendingActionsOf } from '../../platform/auth/pending-actions.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import type { UserMembership } from './open-session.js';
import { listMemberships, type MembershipView } from './repository.js';

export type SignedInView = {
  user: SignedInUser;
  memberships: MembershipView[];
  current: MembershipView | null;
  /** Steps the browser must take the user through before any portal page. */
  pendingActions: PendingAction[];
};
export type SessionView = { user: null } | SignedInView;

/**
 * What the browser needs to know about the signed-in user (never the raw rows). `pending` are the
 * actions the auth plugin read with the session of this request.
 */
export async function presentSession(
  db: Db,
  req: {
    user: SignedInUser | null;
    session: { membershipId: string | null } | null;
    pending: PendingAction[];
    /** Kept with the signed-in session (auth plugin): the memberships are read once per session. */
    sessionMemo?: Record<string, unknown>;
  },
  membershipId = req.session?.membershipId ?? null,
): Promise<SessionView> {
  if (!req.user) return { user: null };
  const memo = req.sessionMemo ?? {};
  const userId = req.user.id;
  memo.memberships ??= listMemberships(db, userId).catch((err) => {
    delete memo.memberships;
    throw err;
  });
  const memberships = await (memo.memberships as Promise<UserMembership[]>);
  return presentSignedIn(db, { user: req.user, membershipId, pending: req.pending, memberships });
}

/**
 * The session view of a user who has just signed in (or is signed in); what the caller has already
 * read (the memberships of a new session, the pending actions of this request) is not read again.
 */
export async function presentSignedIn(
  db: Db,
  known: {
    user: SignedInUser;
    membershipId: string | null;
    memberships?: UserMembership[];
    pending?: PendingAction[];
  },
): Promise<SignedInView> {
  const { user, membershipId } = known;
  const [rows, pendingActions] = await Promise.all([
    known.memberships ?? listMemberships(db, user.id),
    known.pending ?? pendingActionsOf(db, user.id),
  ]);
  const strip = ({ membershipId: _, ...m }: UserMembership): MembershipView => m;
  const current = rows.find((r) => r.membershipId === membershipId);
  return { user, memberships: rows.map(strip), current: current ? strip(current) : null, pendingActions };
}
