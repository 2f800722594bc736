import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupMembersBody, userGroupBody } from '../../../common/accounts.js';
import { groupMembersSchema, userGroupListSchema, userGroupSchema } from '../../../common/users.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../platform/auth/actor.js';
import { requireScope } from '../../platform/auth/plugin.js';
import { orgAdmins } from '../users/routes.js';
import { createGroup, deleteGroup, renameGroup, setGroupMembers } from './group-changes.js';
import { listGroups, lockGroup } from './repository.js';

const groupParams = z.strictObject({ groupId: z.string().regex(/^\d{1,18}$/) });

/** ユーザーグループ of the admin's organisation: create, rename, delete, members. */
export const userGroupRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const one = async (req: FastifyRequest, groupId: string) => {
    const scope = requireScope(req);
    await lockGroup(deps.db, scope, groupId);
    return (await listGroups(deps.db, scope)).find((g) => g.id === groupId)!;
  };

  app.get(
    '/api/user-groups',
    {
      config: { access: orgAdmins },
      schema: { tags: ['users'], response: { 200: userGroupListSchema } },
    },
    async (req) => ({ items: await listGroups(deps.db, requireScope(req)) }),
  );

  app.post(
    '/api/user-groups',
    {
      config: { access: orgAdmins },
      schema: { tags: ['users'], body: userGroupBody, response: { 201: userGroupSchema } },
    },
    async (req, reply) => reply.status(201).send(await createGroup(deps, actorOf(req), req.body.name)),
  );

  app.patch(
    '/api/user-groups/:groupId',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        params: groupParams,
        body: userGroupBody,
        response: { 200: userGroupSchema },
      },
    },
    async (req) => {
      await renameGroup(deps, actorOf(req), req.params.groupId, req.body.name);
      return one(req, req.params.groupId);
    },
  );

  app.delete(
    '/api/user-groups/:groupId',
    { config: { access: orgAdmins }, schema: { tags: ['users'], params: groupParams } },
    async (req, reply) => {
      await deleteGroup(deps, actorOf(req), req.params.groupId);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/user-groups/:groupId/members',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        params: groupParams,
        body: groupMembersBody,
        response: { 200: groupMembersSchema },
      },
    },
    async (req) => ({
      memberUserIds: await setGroupMembers(deps, actorOf(req), req.params.groupId, req.body.userIds),
    }),
  );
};
