import { sql } from 'kysely';
import type { Db } from '../../db/pool.js';
import { notFound } from '../../platform/errors.js';

/** The organisation's groups with their member counts, by name. */
export async function listGroups(db: Db, organizationId: string) {
  const rows = await db
    .selectFrom('user_groups as g')
    .leftJoin('user_group_members as gm', 'gm.group_id', 'g.id')
    .select(['g.id', 'g.name', sql<string>`count(gm.user_id)`.as('memberCount')])
    .where('g.organization_id', '=', organizationId)
    .groupBy(['g.id', 'g.name'])
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}

/** A group of the organisation, locked for a change; another organisation's group is a 404. */
export async function lockGroup(trx: Db, organizationId: string, groupId: string) {
  const row = await trx
    .selectFrom('user_groups')
    .select(['id', 'name'])
    .where('id', '=', groupId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The unique index on (organisation, lower(name)) is the one judge of a duplicate name. */
export const isDuplicateName = (err: unknown) =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === 'user_groups_name_key';
