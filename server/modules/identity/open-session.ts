import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { auditRow } from '../../platform/audit.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import { newSessionRow } from '../../platform/auth/session-store.js';
import { listMemberships, recordSignIn } from './repository.js';

export type SessionUser = { id: string; email: string; name: string; locale: Locale; time_zone: string };
/** One of the user's active memberships with its organisation (the session view lists them). */
export type UserMembership = Awaited<ReturnType<typeof listMemberships>>[number];
export type OpenedSession = {
  token: string;
  user: SignedInUser;
  membershipId: string | null;
  /** The user's active memberships, as read for this session (the session view shows them). */
  memberships: UserMembership[];
};

/**
 * The end of every successful login (password alone, or password and second factor): a fresh
 * session (in the only membership when there is one), the failure count reset, the audit event,
 * in one statement: the caller's transaction, or on its own.
 */
export async function openSession(
  trx: Db,
  deps: AppDeps,
  user: SessionUser,
  input: {
    ip: string | null;
    userAgent: string | null;
    certificateId?: string | null;
    /** The user's active memberships when the caller has just read them. */
    memberships?: UserMembership[];
    /** Whether the user must enrol a second factor (stored with the sign-in when given). */
    mfaEnrolmentRequired?: boolean;
    /** The statement commits on its own and need not wait for the disk (see `recordSignIn`). */
    relaxedCommit?: boolean;
  },
): Promise<OpenedSession> {
  const { clock, config } = deps;
  const memberships = input.memberships ?? (await listMemberships(trx, user.id));
  const only = memberships.length === 1 ? memberships[0] : undefined;
  const { token, row } = newSessionRow(clock, config.session, {
    userId: user.id,
    membershipId: only?.membershipId ?? null,
    ip: input.ip,
    userAgent: input.userAgent,
    certificateId: input.certificateId ?? null,
  });
  await recordSignIn(trx, {
    session: row,
    userId: user.id,
    now: clock.now(),
    mfaEnrolmentRequired: input.mfaEnrolmentRequired,
    audit: auditRow(clock, { actorUserId: user.id, action: 'user.sign_in', ip: input.ip }),
    relaxedCommit: input.relaxedCommit,
  });
  return {
    token,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.time_zone },
    membershipId: only?.membershipId ?? null,
    memberships,
  };
}
