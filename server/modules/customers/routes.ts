import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  customerDeletionBlockers as blockerKinds,
  customerBody,
  customerListQuery,
  customerStatuses,
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

const listItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  balance: z.number(),
  lastBilledOn: z.string().nullable(),
  status: z.enum(customerStatuses),
});
const detail = listItem.extend({
  memo1: z.string().nullable(),
  memo2: z.string().nullable(),
  memo3: z.string().nullable(),
  contactFamilyName: z.string(),
  contactGivenName: z.string(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string(),
  postalCode: z.string(),
  prefecture: z.string(),
  address: z.string(),
  phone: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deletionBlockers: z.array(z.enum(blockerKinds)),
});

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
        response: { 200: z.object({ items: z.array(listItem), total: z.number() }) },
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
        response: { 201: z.object({ id: z.string(), code: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createCustomer(deps, partnerActor(req), req.body)),
  );

  app.get(
    '/api/partner/customers/:customerId',
    {
      config: { access: partners },
      schema: { tags: ['customers'], params: idParams, response: { 200: detail } },
    },
    async (req) => showDetail(partnerActor(req).tenantId, req.params.customerId),
  );

  app.patch(
    '/api/partner/customers/:customerId',
    {
      config: { access: partners },
      schema: { tags: ['customers'], params: idParams, body: customerBody, response: { 200: detail } },
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
