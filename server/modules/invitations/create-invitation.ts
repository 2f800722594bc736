import type { Locale, Role } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { issueLink } from './issue-link.js';
import {
  cancelOpenInvitations,
  findAccountByEmail,
  insertAccountUnlessTaken,
  insertInvitedMembership,
  lockMembershipOfUser,
  renewInvitedMembership,
} from './repository.js';

export { INVITATION_VALID_DAYS } from './issue-link.js';

/** What the inviting admin knows about a new user (`002` ユーザー追加); unused for existing accounts. */
export type InvitedProfile = {
  name?: string | null;
  title?: string | null;
  phone?: string | null;
  mobile?: string | null;
  locale?: Locale;
  timeZone?: string;
  /** 氏名(姓) / 氏名(名) of a customer's login user (CU-6); `name` then holds both. */
  familyName?: string | null;
  givenName?: string | null;
};

export type CreateInvitationInput = {
  organization: { id: string; code: string; name: string; tenantId: string | null };
  email: string;
  role: Role;
  invitedBy: string | null;
  ip: string | null;
  /** signup: the `001 §2.2` form (operator inviting a tenant admin); activation: admin-added user (ID-7). */
  kind?: 'signup' | 'activation';
  profile?: InvitedProfile;
  comment?: string | null;
};

/**
 * The account for an address: the existing one, or a new one without a password (name filled at
 * sign-up) whose home is the inviting organisation.
 */
async function findOrCreateUser(trx: Db, email: string, profile: InvitedProfile, homeOrganizationId: string) {
  const existing = await findAccountByEmail(trx, email);
  if (existing) return { ...existing, created: false };
  const created = await insertAccountUnlessTaken(trx, {
    email,
    name: profile.name ?? '',
    password_hash: null,
    title: profile.title ?? null,
    phone: profile.phone ?? null,
    mobile: profile.mobile ?? null,
    locale: profile.locale,
    time_zone: profile.timeZone,
    family_name: profile.familyName ?? null,
    given_name: profile.givenName ?? null,
    home_organization_id: homeOrganizationId,
  });
  // Two admins adding the same address at once: the second one uses the first one's row.
  return created
    ? { ...created, created: true }
    : { ...(await findAccountByEmail(trx, email))!, created: false };
}

/**
 * Invites an address to an organisation (仮ユーザ登録 `001 §2.1`, or ユーザー追加 `002`): the
 * user (new ones without a password) and an 'invited' membership exist from now on, so the
 * admin's list shows them; then the link and its mail, and the audit event — all in the caller's
 * transaction. An address that is already a member (active or disabled) is a 409; one still
 * invited gets a fresh link and the old one stops working.
 */
export async function createInvitation(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'jobs' | 'config'>,
  input: CreateInvitationInput,
): Promise<{
  id: string;
  email: string;
  expiresAt: Date;
  url: string;
  userId: string;
  membershipId: string;
  /** Whether the address got a new account here (its profile is the one typed by the inviter). */
  newAccount: boolean;
}> {
  const now = deps.clock.now();
  const user = await findOrCreateUser(trx, input.email, input.profile ?? {}, input.organization.id);
  const scope = { organizationId: input.organization.id, tenantId: input.organization.tenantId };
  const current = await lockMembershipOfUser(trx, scope, user.id);
  if (current && current.status !== 'invited') throw new AppError(409, 'already_member');
  const invitedAs = {
    role: input.role,
    comment: input.comment ?? null,
    invited_name: input.profile?.name ?? null,
    invited_email: input.email,
  };
  let membershipId = current?.id;
  if (membershipId) {
    await cancelOpenInvitations(trx, scope, membershipId, now);
    await renewInvitedMembership(trx, scope, membershipId, invitedAs);
  } else {
    membershipId = await insertInvitedMembership(trx, scope, {
      ...invitedAs,
      userId: user.id,
      createdAt: now,
    });
    if (!membershipId) throw new AppError(409, 'already_member');
  }
  const link = await issueLink(trx, deps, {
    organization: input.organization,
    kind: input.kind ?? 'signup',
    user: { id: user.id, email: user.email, locale: user.locale, timeZone: user.time_zone },
    membershipId,
    role: input.role,
    invitedBy: input.invitedBy,
  });
  await recordAudit(trx, deps.clock, {
    actorUserId: input.invitedBy,
    organizationId: input.organization.id,
    tenantId: input.organization.tenantId,
    action: 'invitation.create',
    targetType: 'invitation',
    targetId: link.id,
    ip: input.ip,
    details: { email: input.email, role: input.role },
  });
  return { ...link, email: user.email, userId: user.id, membershipId, newAccount: user.created };
}
