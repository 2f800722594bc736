import { type Expression, sql } from 'kysely';
import type { UserListQuery, UserStatus } from '../../../common/accounts.js';
import { containsPattern } from '../../db/contains-pattern.js';
import type { Db } from '../../db/pool.js';
import { notFound } from '../../platform/errors.js';

/**
 * Every membership of an organisation with its user (`m`, `u`) and the expiry of the newest
 * link still open (`inv.expires_at`, null when none): the base of every people list.
 */
export function membershipsWithOpenLink(db: Db, organizationId: string) {
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
    .where('m.organization_id', '=', organizationId);
}

/**
 * The people of one organisation as its admins see them: every membership with its user, the
 * newest link still open, and the status computed in SQL (so it can be filtered, sorted and
 * paged there): disabled → disabled; invited with no open link or an expired one → expired
 * (サインアップ期間切れ); invited → invited; locked now → locked; else active.
 */
function members(db: Db, organizationId: string, now: Date) {
  return membershipsWithOpenLink(db, organizationId).select([
    'u.id as userId',
    'm.id as membershipId',
    'u.name',
    'u.email',
    'm.role',
    'u.phone',
    'u.mobile',
    'u.title',
    'u.locale',
    'u.time_zone as timeZone',
    'u.mfa_method as mfaMethod',
    'm.comment',
    'm.status as membershipStatus',
    'm.created_at as createdAt',
    'u.last_login_at as lastLoginAt',
    'inv.expires_at as invitationExpiresAt',
    sql<UserStatus>`CASE
        WHEN m.status = 'disabled' THEN 'disabled'
        WHEN m.status = 'invited' AND (inv.expires_at IS NULL OR inv.expires_at <= ${now}) THEN 'expired'
        WHEN m.status = 'invited' THEN 'invited'
        WHEN u.locked_until > ${now} THEN 'locked'
        ELSE 'active' END`.as('status'),
  ]);
}

/** The groups of the organisation a user is in, as one JSON array per row (no query per user). */
const groupsOf = (organizationId: string, userId: Expression<string>) =>
  sql<{ id: string; name: string }[]>`(
    SELECT coalesce(json_agg(json_build_object('id', g.id::text, 'name', g.name) ORDER BY g.name, g.id), '[]')
    FROM user_group_members gm JOIN user_groups g ON g.id = gm.group_id
    WHERE gm.user_id = ${userId} AND g.organization_id = ${organizationId})`;

const sortColumn = {
  name: sql`x.name`,
  email: sql`lower(x.email)`,
  role: sql`x.role`,
  status: sql`x.status`,
  createdAt: sql`x."createdAt"`,
} as const;

/** One page of the organisation's users, filtered by status and a search over name and e-mail. */
export async function listUsers(db: Db, organizationId: string, now: Date, query: UserListQuery) {
  let base = db.selectFrom(members(db, organizationId, now).as('x'));
  if (query.status) base = base.where('x.status', '=', query.status);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('x.name', 'ilike', pattern), eb('x.email', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    base
      .selectAll('x')
      .select((eb) => groupsOf(organizationId, eb.ref('x.userId')).as('groups'))
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('x.userId', query.order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.total) };
}

/** One user of the organisation with the detail the edit drawer shows; another org's user is a 404. */
export async function findUser(db: Db, organizationId: string, now: Date, userId: string) {
  const row = await db
    .selectFrom(members(db, organizationId, now).as('x'))
    .selectAll('x')
    .select((eb) => groupsOf(organizationId, eb.ref('x.userId')).as('groups'))
    .where('x.userId', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export type OrgUser = Awaited<ReturnType<typeof findUser>>;

/** The membership of a user in the organisation, locked for the change about to be made. */
export async function lockMembership(trx: Db, organizationId: string, userId: string) {
  const row = await trx
    .selectFrom('memberships')
    .select(['id', 'status', 'role', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * Replaces the user's groups within the organisation (groups elsewhere stay). Every id must be a
 * group of this organisation: another organisation's group is a 404.
 */
export async function replaceUserGroups(trx: Db, organizationId: string, userId: string, groupIds: string[]) {
  const unique = [...new Set(groupIds)];
  if (unique.length > 0) {
    const found = await trx
      .selectFrom('user_groups')
      .select(sql<string>`count(*)`.as('n'))
      .where('organization_id', '=', organizationId)
      .where('id', 'in', unique)
      .executeTakeFirstOrThrow();
    if (Number(found.n) !== unique.length) throw notFound();
  }
  await trx
    .deleteFrom('user_group_members')
    .where('user_id', '=', userId)
    .where(
      'group_id',
      'in',
      trx.selectFrom('user_groups').select('id').where('organization_id', '=', organizationId),
    )
    .execute();
  if (unique.length > 0) {
    await trx
      .insertInto('user_group_members')
      .values(unique.map((groupId) => ({ group_id: groupId, user_id: userId })))
      .execute();
  }
}

/** The organisation as invitations need it (code and name appear in the mail). */
export async function findOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}
