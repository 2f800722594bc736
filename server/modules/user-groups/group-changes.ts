import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isDuplicateName, lockGroup } from './repository.js';

const audit = (actor: Actor, groupId: string, action: string, details: Record<string, unknown> = {}) => ({
  ...actorAudit(actor, 'user_group', groupId),
  action,
  details,
});

/** Runs a change that may collide with another group's name: 409 `duplicate_name`, nothing written. */
async function naming<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDuplicateName(err)) throw new AppError(409, 'duplicate_name');
    throw err;
  }
}

export function createGroup(deps: AppDeps, actor: Actor, name: string) {
  return naming(() =>
    deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('user_groups')
        .values({ organization_id: actor.organizationId, tenant_id: actor.tenantId, name })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, audit(actor, row.id, 'user_group.create', { name }));
      return { ...row, memberCount: 0 };
    }),
  );
}

export function renameGroup(deps: AppDeps, actor: Actor, groupId: string, name: string) {
  return naming(() =>
    deps.db.transaction().execute(async (trx) => {
      const before = await lockGroup(trx, actor.organizationId, groupId);
      await trx.updateTable('user_groups').set({ name }).where('id', '=', groupId).execute();
      await recordAudit(
        trx,
        deps.clock,
        audit(actor, groupId, 'user_group.rename', { from: before.name, name }),
      );
    }),
  );
}

export function deleteGroup(deps: AppDeps, actor: Actor, groupId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, actor.organizationId, groupId);
    await trx.deleteFrom('user_groups').where('id', '=', groupId).execute();
    await recordAudit(trx, deps.clock, audit(actor, groupId, 'user_group.delete', { name: before.name }));
  });
}

/**
 * Sets the people of a group to exactly `userIds`; each must have joined this organisation
 * (another organisation's user, or an open invitation, is a 404, nothing changed). The groups an
 * open invitation was given when it was added stay until the person accepts.
 */
export function setGroupMembers(deps: AppDeps, actor: Actor, groupId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  return deps.db.transaction().execute(async (trx) => {
    await lockGroup(trx, actor.organizationId, groupId);
    if (unique.length > 0) {
      const members = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('organization_id', '=', actor.organizationId)
        .where('user_id', 'in', unique)
        .where('status', '<>', 'invited')
        .execute();
      if (members.length !== unique.length) throw notFound();
    }
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
              .where('m.organization_id', '=', actor.organizationId)
              .where('m.status', '=', 'invited'),
          ),
        ),
      )
      .execute();
    if (unique.length > 0) {
      await trx
        .insertInto('user_group_members')
        .values(unique.map((userId) => ({ group_id: groupId, user_id: userId })))
        .execute();
    }
    await recordAudit(trx, deps.clock, audit(actor, groupId, 'user_group.members', { userIds: unique }));
    return unique.sort((a, b) => Number(a) - Number(b));
  });
}
