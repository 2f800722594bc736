import { sql } from 'kysely';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';
import { notFound } from '../../platform/errors.js';

/** The organisation's groups with their member counts, by name. */
export async function listGroups(db: Db, scope: OrganizationScope) {
  const rows = await db
    .selectFrom('user_groups as g')
    .leftJoin('user_group_members as gm', 'gm.group_id', 'g.id')
    .select(['g.id', 'g.name', sql<string>`count(gm.user_id)`.as('memberCount')])
    .where('g.organization_id', '=', scope.organizationId)
    .where('g.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .groupBy(['g.id', 'g.name'])
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}

/** A group of the organisation, locked for a change; another organisation's group is a 404. */
export async function lockGroup(trx: Db, scope: OrganizationScope, groupId: string) {
  const row = await trx
    .selectFrom('user_groups')
    .select(['id', 'name'])
    .where('id', '=', groupId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The unique index on (organisation, lower(name)) is the one judge of a duplicate name. */
export const isDuplicateName = (err: unknown) =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === 'user_groups_name_key';

/** A new group of the organisation. */
export async function insertGroup(trx: Db, scope: OrganizationScope, name: string) {
  return trx
    .insertInto('user_groups')
    .values({ organization_id: scope.organizationId, tenant_id: scope.tenantId, name })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** Renames a group of the organisation (found and locked before; the scope is in the statement too). */
export async function renameGroupRow(trx: Db, scope: OrganizationScope, groupId: string, name: string) {
  await trx
    .updateTable('user_groups')
    .set({ name })
    .where('id', '=', groupId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .execute();
}

/** Deletes a group of the organisation (its member rows go by cascade). */
export async function deleteGroupRow(trx: Db, scope: OrganizationScope, groupId: string) {
  await trx
    .deleteFrom('user_groups')
    .where('id', '=', groupId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .execute();
}

/** Which of `userIds` have joined the organisation (an open invitation has not). */
export async function joinedMemberIds(trx: Db, scope: OrganizationScope, userIds: string[]) {
  const rows = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('user_id', 'in', userIds)
    .where('status', '<>', 'invited')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Makes `userIds` the people of a group of the organisation (found and locked before). The rows of
 * people still invited here stay: their groups were given with the invitation.
 */
export async function replaceGroupMembers(
  trx: Db,
  scope: OrganizationScope,
  groupId: string,
  userIds: string[],
) {
  await trx
    .deleteFrom('user_group_members')
    .where('group_id', '=', groupId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.id')
            .whereRef('m.user_id', '=', 'user_group_members.user_id')
            .where('m.organization_id', '=', scope.organizationId)
            .where('m.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
            .where('m.status', '=', 'invited'),
        ),
      ),
    )
    .execute();
  if (userIds.length > 0) {
    await trx
      .insertInto('user_group_members')
      .values(userIds.map((userId) => ({ group_id: groupId, user_id: userId })))
      .execute();
  }
}
