import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addUserBody, updateUserBody, userListQuery } from '../../../common/accounts.js';
import { adminRoles } from '../../../common/roles.js';
import {
  addedUserSchema,
  resentInvitationSchema,
  temporaryPasswordSchema,
  userDetailSchema,
  userListSchema,
} from '../../../common/users.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../platform/auth/actor.js';
import { requireScope } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { addUser } from './add-user.js';
import { cancelInvitation } from './cancel-invitation.js';
import { disableUser } from './disable-user.js';
import { enableUser } from './enable-user.js';
import { issueTemporaryPassword } from './issue-temporary-password.js';
import { findUser, listUsers } from './repository.js';
import { resendInvitation } from './resend-invitation.js';
import { memberIdParams, userIdParams } from './schemas.js';
import { unlockUser } from './unlock-user.js';
import { updateUser } from './update-user.js';

/** ユーザー管理 is in every portal: the admins of any kind of organisation, for their own organisation. */
export const orgAdmins: Access = { roles: adminRoles };

/** User administration (ID-17): list, add (→ activation mail), edit, disable, unlock, invitations. */
export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const detail = (req: FastifyRequest, userId: string) =>
    findUser(deps.db, requireScope(req), deps.clock.now(), userId);

  app.get(
    '/api/users',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        querystring: userListQuery,
        response: { 200: userListSchema },
      },
    },
    async (req) => listUsers(deps.db, requireScope(req), deps.clock.now(), req.query),
  );

  app.post(
    '/api/users',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        body: addUserBody,
        response: { 201: addedUserSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addUser(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/users/:userId',
    {
      config: { access: orgAdmins },
      schema: { tags: ['users'], params: userIdParams, response: { 200: userDetailSchema } },
    },
    async (req) => detail(req, req.params.userId),
  );

  app.patch(
    '/api/users/:userId',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userDetailSchema },
      },
    },
    async (req) => {
      await updateUser(deps, actorOf(req), req.params.userId, req.body);
      return detail(req, req.params.userId);
    },
  );

  const actions = { disable: disableUser, enable: enableUser, unlock: unlockUser } as const;
  for (const [path, action] of Object.entries(actions)) {
    app.post(
      `/api/users/:userId/${path}`,
      { config: { access: orgAdmins }, schema: { tags: ['users'], params: userIdParams } },
      async (req, reply) => {
        await action(deps, actorOf(req), req.params.userId);
        return reply.status(204).send();
      },
    );
  }

  // An open invitation is addressed by its membership ID: the inviting organisation learns
  // nothing of the account until the person accepts.
  app.post(
    '/api/users/invitations/:memberId/resend',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        params: memberIdParams,
        response: { 201: resentInvitationSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await resendInvitation(deps, actorOf(req), req.params.memberId)),
  );

  app.post(
    '/api/users/invitations/:memberId/cancel',
    { config: { access: orgAdmins }, schema: { tags: ['users'], params: memberIdParams } },
    async (req, reply) => {
      await cancelInvitation(deps, actorOf(req), req.params.memberId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:userId/temporary-password',
    {
      config: { access: orgAdmins },
      schema: {
        tags: ['users'],
        params: userIdParams,
        response: { 200: temporaryPasswordSchema },
      },
    },
    async (req) => issueTemporaryPassword(deps, actorOf(req), req.params.userId),
  );
};
