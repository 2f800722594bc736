import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdCustomerSchema,
  customerBody,
  customerDetailSchema,
  customerListQuery,
  customerListSchema,
} from '../../../common/customers.js';
import type { AppDeps } from '../../deps.js';
import { partnerActor } from '../../platform/auth/actor.js';
import type { Access } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { createCustomer } from './create-customer.js';
import { deleteCustomer } from './delete-customer.js';
import { customerDeletionBlockers } from './deletion-blockers.js';
import { findCustomer, listCustomers } from './repository.js';
import { updateCustomer } from './update-customer.js';

/** Admins and members of a partner tenant manage its customers. */
const partners: Access = { kind: 'partner' };
const idParams = z.strictObject({ customerId: z.string().regex(/^\d{1,18}$/) });

/** 顧客管理 (CU-1 … CU-5): list, create, detail, edit and delete a partner tenant's customers. */
export const customerRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const showDetail = async (tenantId: string, customerId: string) => {
    const customer = await findCustomer(deps.db, tenantId, customerId);
    if (!customer) throw notFound();
    return { ...customer, deletionBlockers: await customerDeletionBlockers(deps.db, tenantId, customerId) };
  };

  app.get(
    '/api/partner/customers',
    {
      config: { access: partners },
      schema: {
        tags: ['customers'],
        querystring: customerListQuery,
        response: { 200: customerListSchema },
      },
    },
    async (req) => listCustomers(deps.db, partnerActor(req).tenantId, req.query),
  );

  app.post(
    '/api/partner/customers',
    {
      config: { access: partners },
      schema: {
        tags: ['customers'],
        body: customerBody,
        response: { 201: createdCustomerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCustomer(deps, partnerActor(req), req.body)),
  );

  app.get(
    '/api/partner/customers/:customerId',
    {
      config: { access: partners },
      schema: { tags: ['customers'], params: idParams, response: { 200: customerDetailSchema } },
    },
    async (req) => showDetail(partnerActor(req).tenantId, req.params.customerId),
  );

  app.patch(
    '/api/partner/customers/:customerId',
    {
      config: { access: partners },
      schema: {
        tags: ['customers'],
        params: idParams,
        body: customerBody,
        response: { 200: customerDetailSchema },
      },
    },
    async (req) => {
      const actor = partnerActor(req);
      await updateCustomer(deps, actor, req.params.customerId, req.body);
      return showDetail(actor.tenantId, req.params.customerId);
    },
  );

  app.delete(
    '/api/partner/customers/:customerId',
    { config: { access: partners }, schema: { tags: ['customers'], params: idParams } },
    async (req, reply) => {
      await deleteCustomer(deps, partnerActor(req), req.params.customerId);
      return reply.status(204).send();
    },
  );
};
