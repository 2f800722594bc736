import { type Insertable, sql } from 'kysely';
import type { Role } from '../../../common/roles.js';
import type { InvitationStatus } from '../../../common/tenants.js';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';
import type { Database } from '../../db/types.js';
import { hashToken } from '../../platform/tokens.js';

/** The invitation a link token stands for, with its organisation; locked when `forUpdate`. */
export async function findInvitationByToken(db: Db, token: string, forUpdate = false) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .select([
      'invitations.id',
      'invitations.kind',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.cancelled_at',
      'invitations.failed_checks',
      'invitations.user_id',
      'invitations.membership_id',
      'invitations.organization_id',
      'invitations.tenant_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.kind as organization_kind',
    ])
    .where('invitations.token_hash', '=', hashToken(token));
  if (forUpdate) query = query.forUpdate('invitations');
  return query.executeTakeFirst();
}

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

export function invitationStatus(
  row: { accepted_at: Date | null; expires_at: Date; cancelled_at: Date | null },
  now: Date,
): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.cancelled_at) return 'cancelled';
  return row.expires_at <= now ? 'expired' : 'pending';
}

/** Invitations of one organisation, newest first. */
export async function listInvitations(db: Db, scope: OrganizationScope) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'expires_at', 'accepted_at', 'cancelled_at', 'created_at'])
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The account an invitation was made for (created with the invitation, possibly long before). */
export async function findInvitedUser(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'phone', 'mobile', 'password_hash', 'locale', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The scope of an invitation row (a link found by its token). */
export const scopeOfInvitation = (row: { organization_id: string; tenant_id: string | null }) => ({
  organizationId: row.organization_id,
  tenantId: row.tenant_id,
});

/** An update of the organisation's links (the scope in the WHERE; the caller narrows it). */
const updateLinksIn = (db: Db, scope: OrganizationScope) =>
  db
    .updateTable('invitations')
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId);

/** An update of the organisation's memberships (the scope in the WHERE; the caller narrows it). */
const updateMembershipsIn = (db: Db, scope: OrganizationScope) =>
  db
    .updateTable('memberships')
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId);

/** Ends every link of a membership that could still be used (before a new one, or on cancel). */
export async function cancelOpenInvitations(
  db: Db,
  scope: OrganizationScope,
  membershipId: string,
  now: Date,
) {
  await updateLinksIn(db, scope)
    .set({ cancelled_at: now })
    .where('membership_id', '=', membershipId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}

const accountColumns = ['id', 'email', 'locale', 'time_zone'] as const;

/** The account of an address (compared case-insensitively), or undefined. */
export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(accountColumns)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** A new account without a password; undefined when the address got one meanwhile (a parallel invitation). */
export async function insertAccountUnlessTaken(trx: Db, account: Insertable<Database['users']>) {
  return trx
    .insertInto('users')
    .values(account)
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(accountColumns)
    .executeTakeFirst();
}

/** The user's membership in the organisation of the scope, locked; undefined when there is none. */
export async function lockMembershipOfUser(trx: Db, scope: OrganizationScope, userId: string) {
  return trx
    .selectFrom('memberships')
    .select(['id', 'status'])
    .where('user_id', '=', userId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .forUpdate()
    .executeTakeFirst();
}

/** What an invitation writes on its membership: the role, the comment and what the inviter typed. */
type InvitedAs = { role: Role; comment: string | null; invited_name: string | null; invited_email: string };

/** Changes a still-invited membership of the organisation for a new invitation. */
export async function renewInvitedMembership(
  trx: Db,
  scope: OrganizationScope,
  membershipId: string,
  invitedAs: InvitedAs,
) {
  await updateMembershipsIn(trx, scope).set(invitedAs).where('id', '=', membershipId).execute();
}

/** A new 'invited' membership; undefined when the user became a member meanwhile (a parallel invitation). */
export async function insertInvitedMembership(
  trx: Db,
  scope: OrganizationScope,
  membership: InvitedAs & { userId: string; createdAt: Date },
) {
  const { userId, createdAt, ...invitedAs } = membership;
  const row = await trx
    .insertInto('memberships')
    .values({
      user_id: userId,
      organization_id: scope.organizationId,
      tenant_id: scope.tenantId,
      status: 'invited',
      created_at: createdAt,
      ...invitedAs,
    })
    .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Stores a new link of the organisation (only its token's hash); answers its id. */
export async function insertLink(
  trx: Db,
  scope: OrganizationScope,
  link: Omit<Insertable<Database['invitations']>, 'organization_id' | 'tenant_id'>,
) {
  const row = await trx
    .insertInto('invitations')
    .values({ organization_id: scope.organizationId, tenant_id: scope.tenantId, ...link })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** For a customer organisation of the tenant: its tenant and the invitee's name and user ID; else undefined. */
export async function findCustomerContext(trx: Db, scope: OrganizationScope, userId: string) {
  return trx
    .selectFrom('organizations as o')
    .innerJoin('organizations as t', 't.id', 'o.tenant_id')
    .crossJoin('users as u')
    .select(['t.id as tenantId', 't.name as tenantName', 'u.name as userName', 'u.code as userCode'])
    .where('o.id', '=', scope.organizationId)
    .where('o.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('o.kind', '=', 'customer')
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** The membership a link was sent for (null once it was cancelled and removed). */
export async function findLinkMembershipId(db: Db, invitationId: string) {
  const row = await db
    .selectFrom('invitations')
    .select('membership_id')
    .where('id', '=', invitationId)
    .executeTakeFirst();
  return row?.membership_id;
}

/**
 * A membership with its account and organisation, locked, for a new link. Found by its id: the
 * callers have found it within their own scope (the admin's organisation, the tenant's
 * customer, the user's own invitations).
 */
export async function lockMembershipForLink(trx: Db, membershipId: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.status',
      'm.role',
      'u.id as userId',
      'u.email',
      'u.locale',
      'u.time_zone',
      'o.id as organizationId',
      'o.code',
      'o.name',
      'o.tenant_id',
      'o.kind as organizationKind',
    ])
    .where('m.id', '=', membershipId)
    .forUpdate('m')
    .executeTakeFirst();
}

/** The kind of the newest link of a membership of the organisation, or undefined. */
export async function latestLinkKind(trx: Db, scope: OrganizationScope, membershipId: string) {
  const row = await trx
    .selectFrom('invitations')
    .select('kind')
    .where('membership_id', '=', membershipId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.kind;
}

/** The invited membership becomes active (a membership no longer invited stays as it is). */
export async function activateInvitedMembership(trx: Db, scope: OrganizationScope, membershipId: string) {
  await updateMembershipsIn(trx, scope)
    .set({ status: 'active' })
    .where('id', '=', membershipId)
    .where('status', '=', 'invited')
    .execute();
}

/** The link has been used by `userId`. */
export async function markLinkAccepted(
  trx: Db,
  scope: OrganizationScope,
  invitationId: string,
  accepted: { userId: string; at: Date },
) {
  await updateLinksIn(trx, scope)
    .set({ accepted_at: accepted.at, accepted_user_id: accepted.userId })
    .where('id', '=', invitationId)
    .execute();
}

/** Counts a wrong identity check on the link; `cancelledAt` ends it (the last allowed one). */
export async function recordFailedIdentityCheck(
  trx: Db,
  scope: OrganizationScope,
  invitationId: string,
  check: { failedChecks: number; cancelledAt: Date | null },
) {
  await updateLinksIn(trx, scope)
    .set({ failed_checks: check.failedChecks, cancelled_at: check.cancelledAt })
    .where('id', '=', invitationId)
    .execute();
}
