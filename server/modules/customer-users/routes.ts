import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdCustomerUserSchema,
  customerUserBody,
  customerUserListSchema,
  customerUserSchema,
} from '../../../common/customer-users.js';
import type { AppDeps } from '../../deps.js';
import { partnerActor } from '../../platform/auth/actor.js';
import type { Access } from '../../platform/auth/scope.js';
import { createCustomerUser } from './create-customer-user.js';
import { deleteCustomerUser } from './delete-customer-user.js';
import { customerOf, findCustomerUser, listCustomerUsers } from './repository.js';
import { updateCustomerUser } from './update-customer-user.js';

const partner: Access = { kind: 'partner' };
const id = z.string().regex(/^\d{1,18}$/);
const customerParams = z.strictObject({ customerId: id });
const userParams = z.strictObject({ customerId: id, userId: id });

/** 顧客のユーザ管理 (CU-6): a customer's login users, for the members of its partner tenant. */
export const customerUserRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/partner/customers/:customerId/users',
    {
      config: { access: partner },
      schema: {
        tags: ['customer-users'],
        params: customerParams,
        response: { 200: customerUserListSchema },
      },
    },
    async (req) => {
      const actor = partnerActor(req);
      await customerOf(deps.db, actor.tenantId, req.params.customerId);
      return {
        items: await listCustomerUsers(deps.db, actor.tenantId, req.params.customerId, deps.clock.now()),
      };
    },
  );

  app.post(
    '/api/partner/customers/:customerId/users',
    {
      config: { access: partner },
      schema: {
        tags: ['customer-users'],
        params: customerParams,
        body: customerUserBody,
        response: { 201: createdCustomerUserSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createCustomerUser(deps, partnerActor(req), req.params.customerId, req.body)),
  );

  app.get(
    '/api/partner/customers/:customerId/users/:userId',
    {
      config: { access: partner },
      schema: { tags: ['customer-users'], params: userParams, response: { 200: customerUserSchema } },
    },
    async (req) => {
      const actor = partnerActor(req);
      await customerOf(deps.db, actor.tenantId, req.params.customerId);
      return findCustomerUser(
        deps.db,
        actor.tenantId,
        req.params.customerId,
        req.params.userId,
        deps.clock.now(),
      );
    },
  );

  app.patch(
    '/api/partner/customers/:customerId/users/:userId',
    {
      config: { access: partner },
      schema: {
        tags: ['customer-users'],
        params: userParams,
        body: customerUserBody,
        response: { 200: customerUserSchema },
      },
    },
    async (req) => {
      const { customerId, userId } = req.params;
      const actor = partnerActor(req);
      await updateCustomerUser(deps, actor, customerId, userId, req.body);
      return findCustomerUser(deps.db, actor.tenantId, customerId, userId, deps.clock.now());
    },
  );

  app.delete(
    '/api/partner/customers/:customerId/users/:userId',
    { config: { access: partner }, schema: { tags: ['customer-users'], params: userParams } },
    async (req, reply) => {
      await deleteCustomerUser(deps, partnerActor(req), req.params.customerId, req.params.userId);
      return reply.status(204).send();
    },
  );
};
