import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import {
  deleteGroupRow,
  insertGroup,
  isDuplicateName,
  joinedMemberIds,
  lockGroup,
  renameGroupRow,
  replaceGroupMembers,
} from './repository.js';

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
      const row = await insertGroup(trx, actor, name);
      await recordAudit(trx, deps.clock, audit(actor, row.id, 'user_group.create', { name }));
      return { ...row, memberCount: 0 };
    }),
  );
}

export function renameGroup(deps: AppDeps, actor: Actor, groupId: string, name: string) {
  return naming(() =>
    deps.db.transaction().execute(async (trx) => {
      const before = await lockGroup(trx, actor, groupId);
      await renameGroupRow(trx, actor, groupId, name);
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
    const before = await lockGroup(trx, actor, groupId);
    await deleteGroupRow(trx, actor, groupId);
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
    await lockGroup(trx, actor, groupId);
    if (unique.length > 0 && (await joinedMemberIds(trx, actor, unique)).length !== unique.length)
      throw notFound();
    await replaceGroupMembers(trx, actor, groupId, unique);
    await recordAudit(trx, deps.clock, audit(actor, groupId, 'user_group.members', { userIds: unique }));
    return unique.sort((a, b) => Number(a) - Number(b));
  });
}
