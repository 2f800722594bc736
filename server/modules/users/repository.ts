import { type Expression, sql, type Updateable } from 'kysely';
import type { UserListQuery, UserStatus } from '../../../common/accounts.js';
import type { MfaMethod } from '../../../common/mfa-methods.js';
import type { Locale } from '../../../common/roles.js';
import { containsPattern } from '../../db/contains-pattern.js';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';
import type { Database } from '../../db/types.js';
import { notFound } from '../../platform/errors.js';

/**
 * Every membership of an organisation with its user (`m`, `u`) and the expiry of the newest
 * link still open (`inv.expires_at`, null when none): the base of every people list.
 */
export function membershipsWithOpenLink(db: Db, scope: OrganizationScope) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('invitations as i')
          .select('i.expires_at')
          .whereRef('i.membership_id', '=', 'm.id')
          .where('i.accepted_at', 'is', null)
          .where('i.cancelled_at', 'is', null)
          .orderBy('i.id', 'desc')
          .limit(1)
          .as('inv'),
      (join) => join.onTrue(),
    )
    .where('m.organization_id', '=', scope.organizationId)
    .where('m.tenant_id', tenantIs(scope.tenantId), scope.tenantId);
}

/**
 * The people of one organisation as its admins see them: every membership with its user, the
 * newest link still open, and the status computed in SQL (so it can be filtered, sorted and
 * paged there): disabled → disabled; invited with no open link or an expired one → expired
 * (サインアップ期間切れ); invited → invited; locked now → locked; else active.
 *
 * What of the account shows depends on the membership (see account-rules.ts): an invitation
 * shows only what the admin typed (no user ID, nothing of an account that may already exist);
 * a person who also joined another organisation shows as a directory entry (name, address, role,
 * status here, groups); only an account this organisation manages shows phones, title, language,
 * time zone, second-factor method, last login and its lock.
 */
function members(db: Db, scope: OrganizationScope) {
  return (
    membershipsWithOpenLink(db, scope)
      // The home organisation manages the account (account-rules.ts); read from the joined row.
      .select(sql<boolean>`coalesce(u.home_organization_id = ${scope.organizationId}, false)`.as('home'))
      .select([
        'm.id as memberId',
        'u.id as accountId',
        'm.status as membershipStatus',
        'm.role',
        'm.comment',
        'm.created_at as createdAt',
        'inv.expires_at as invitationExpiresAt',
        sql<string | null>`CASE WHEN m.status <> 'invited' THEN u.id::text END`.as('userId'),
        sql<string>`CASE WHEN m.status = 'invited' THEN coalesce(m.invited_name, '') ELSE u.name END`.as(
          'name',
        ),
        sql<string>`CASE WHEN m.status = 'invited' THEN coalesce(m.invited_email, u.email) ELSE u.email END`.as(
          'email',
        ),
        'u.phone',
        'u.mobile',
        'u.title',
        'u.locale',
        'u.time_zone as timeZone',
        'u.mfa_method as mfaMethod',
        'u.last_login_at as lastLoginAt',
        'u.locked_until as lockedUntil',
      ])
  );
}

/** The same rows with what this organisation may see of each account (columns of `members`). */
function visibleMembers(db: Db, scope: OrganizationScope, now: Date) {
  const managed = sql<boolean>`(r."membershipStatus" <> 'invited' AND r.home)`;
  const ifManaged = <T>(column: string) =>
    sql<T | null>`CASE WHEN ${managed} THEN ${sql.ref(`r.${column}`)} END`;
  return db.selectFrom(members(db, scope).as('r')).select([
    'r.userId',
    'r.memberId',
    'r.accountId',
    'r.name',
    'r.email',
    'r.role',
    'r.comment',
    'r.membershipStatus',
    'r.createdAt',
    'r.invitationExpiresAt',
    managed.as('accountManaged'),
    ifManaged<string>('phone').as('phone'),
    ifManaged<string>('mobile').as('mobile'),
    ifManaged<string>('title').as('title'),
    ifManaged<Locale>('locale').as('locale'),
    ifManaged<string>('timeZone').as('timeZone'),
    ifManaged<MfaMethod>('mfaMethod').as('mfaMethod'),
    ifManaged<Date>('lastLoginAt').as('lastLoginAt'),
    sql<UserStatus>`CASE
        WHEN r."membershipStatus" = 'disabled' THEN 'disabled'
        WHEN r."membershipStatus" = 'invited'
          AND (r."invitationExpiresAt" IS NULL OR r."invitationExpiresAt" <= ${now}) THEN 'expired'
        WHEN r."membershipStatus" = 'invited' THEN 'invited'
        WHEN ${managed} AND r."lockedUntil" > ${now} THEN 'locked'
        ELSE 'active' END`.as('status'),
  ]);
}

/** The groups of the organisation a user is in, as one JSON array per row (no query per user). */
const groupsOf = (scope: OrganizationScope, userId: Expression<string>) =>
  sql<{ id: string; name: string }[]>`(
    SELECT coalesce(json_agg(json_build_object('id', g.id::text, 'name', g.name) ORDER BY g.name, g.id), '[]')
    FROM user_group_members gm JOIN user_groups g ON g.id = gm.group_id
    WHERE gm.user_id = ${userId} AND g.organization_id = ${scope.organizationId}
      AND g.tenant_id ${scope.tenantId === null ? sql`IS NULL` : sql`= ${scope.tenantId}`})`;

const sortColumn = {
  name: sql`x.name`,
  email: sql`lower(x.email)`,
  role: sql`x.role`,
  status: sql`x.status`,
  createdAt: sql`x."createdAt"`,
} as const;

/** One page of the organisation's users, filtered by status and a search over name and e-mail. */
export async function listUsers(db: Db, scope: OrganizationScope, now: Date, query: UserListQuery) {
  let base = db.selectFrom(visibleMembers(db, scope, now).as('x'));
  if (query.status) base = base.where('x.status', '=', query.status);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('x.name', 'ilike', pattern), eb('x.email', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    base
      .selectAll('x')
      .select((eb) => groupsOf(scope, eb.ref('x.accountId')).as('groups'))
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('x.memberId', query.order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.total) };
}

/**
 * One person who joined the organisation, with the detail the edit drawer shows; another
 * organisation's user, and an invitation not yet accepted, are a 404.
 */
export async function findUser(db: Db, scope: OrganizationScope, now: Date, userId: string) {
  const row = await db
    .selectFrom(visibleMembers(db, scope, now).as('x'))
    .selectAll('x')
    .select((eb) => groupsOf(scope, eb.ref('x.accountId')).as('groups'))
    .where('x.userId', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export type OrgUser = Awaited<ReturnType<typeof findUser>>;

/** A membership of the organisation, locked for the change about to be made (narrowed by the caller). */
const membershipForUpdate = (trx: Db, scope: OrganizationScope) =>
  trx
    .selectFrom('memberships')
    .select(['id', 'status', 'role', 'user_id'])
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .forUpdate();

/**
 * The membership of a person who joined the organisation (active or disabled), locked. An open
 * invitation is not a member yet: a 404 like a stranger.
 */
export async function lockMember(trx: Db, scope: OrganizationScope, userId: string) {
  const row = await membershipForUpdate(trx, scope)
    .where('user_id', '=', userId)
    .where('status', '<>', 'invited')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** An open invitation of the organisation by its membership ID, locked; anything else is a 404. */
export async function lockInvitedMember(trx: Db, scope: OrganizationScope, memberId: string) {
  const row = await membershipForUpdate(trx, scope)
    .where('id', '=', memberId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * Replaces the user's groups within the organisation (groups elsewhere stay). Every id must be a
 * group of this organisation: another organisation's group is a 404.
 */
export async function replaceUserGroups(
  trx: Db,
  scope: OrganizationScope,
  userId: string,
  groupIds: string[],
) {
  const groupsHere = trx
    .selectFrom('user_groups')
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId);
  const unique = [...new Set(groupIds)];
  if (unique.length > 0) {
    const found = await groupsHere
      .select(sql<string>`count(*)`.as('n'))
      .where('id', 'in', unique)
      .executeTakeFirstOrThrow();
    if (Number(found.n) !== unique.length) throw notFound();
  }
  await trx
    .deleteFrom('user_group_members')
    .where('user_id', '=', userId)
    .where('group_id', 'in', groupsHere.select('id'))
    .execute();
  if (unique.length > 0) {
    await trx
      .insertInto('user_group_members')
      .values(unique.map((groupId) => ({ group_id: groupId, user_id: userId })))
      .execute();
  }
}

/** The organisation as invitations need it (code and name appear in the mail). */
export async function findOrganization(db: Db, scope: OrganizationScope) {
  return db
    .selectFrom('organizations')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .executeTakeFirstOrThrow();
}

/**
 * Deletes the accounts among `userIds` that no longer belong to any organisation (no membership
 * left), inside the caller's transaction, after it removed the memberships; returns their ids.
 * The invitation rows addressed to such an account are detached from it first (`user_id` → null):
 * they would otherwise go with it by cascade, and a cancelled link keeps answering "cancelled".
 *
 * `keepAccountsWithPassword`: cancelling an invitation (users/) removes only an account nobody
 * ever used, one without a password, so that it never deletes a person's working account. Deleting
 * a customer's login user (CU-6) or the customer (CU-5) removes the person from the portal: their
 * account goes whatever its history (`false`).
 */
export async function deleteOrphanAccounts(
  trx: Db,
  userIds: readonly string[],
  opts: { keepAccountsWithPassword: boolean },
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const noMembership = trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', userIds)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('memberships as m').select('m.id').whereRef('m.user_id', '=', 'users.id'))),
    );
  const orphans = await (opts.keepAccountsWithPassword
    ? noMembership.where('password_hash', 'is', null)
    : noMembership
  )
    .forUpdate()
    .execute();
  const ids = orphans.map((u) => u.id);
  if (ids.length === 0) return [];
  await trx.updateTable('invitations').set({ user_id: null }).where('user_id', 'in', ids).execute();
  const deleted = await trx.deleteFrom('users').where('id', 'in', ids).returning('id').execute();
  return deleted.map((u) => u.id);
}

/** Whether the address already has a membership here (active, disabled or invited). */
export async function isMemberByEmail(trx: Db, scope: OrganizationScope, email: string): Promise<boolean> {
  const row = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('m.organization_id', '=', scope.organizationId)
    .where('m.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes a membership of the organisation (the organisation is in the statement, not only checked). */
export async function updateMembership(
  trx: Db,
  scope: OrganizationScope,
  membershipId: string,
  changes: Updateable<Database['memberships']>,
) {
  await trx
    .updateTable('memberships')
    .set(changes)
    .where('id', '=', membershipId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .execute();
}

/** Removes an invited membership of the organisation; its links are detached first (they keep answering "cancelled"). */
export async function removeInvitedMembership(trx: Db, scope: OrganizationScope, membershipId: string) {
  await trx
    .updateTable('invitations')
    .set({ membership_id: null })
    .where('membership_id', '=', membershipId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .execute();
  await trx
    .deleteFrom('memberships')
    .where('id', '=', membershipId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('status', '=', 'invited')
    .execute();
}

/** Ends the user's open sessions that work through this membership; answers how many. */
export async function endMembershipSessions(trx: Db, userId: string, membershipId: string, now: Date) {
  const ended = await trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('membership_id', '=', membershipId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}

/**
 * Changes an account's own fields (name, phones, language, time zone, second-factor method,
 * lockout). Callers have checked that the organisation manages the account (account-rules.ts).
 */
export async function updateAccount(trx: Db, userId: string, changes: Updateable<Database['users']>) {
  await trx.updateTable('users').set(changes).where('id', '=', userId).execute();
}

/** Whether the organisation is the home of the person's account (it manages the account; account-rules.ts). */
export async function isAccountManagedBy(db: Db, scope: OrganizationScope, userId: string) {
  const row = await db
    .selectFrom('users as h')
    .innerJoin('organizations as o', 'o.id', 'h.home_organization_id')
    .select('h.id')
    .where('h.id', '=', userId)
    .where('o.id', '=', scope.organizationId)
    .where('o.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .executeTakeFirst();
  return row !== undefined;
}
