import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountRequestBody,
  accountRequestListSchema,
  accountRequestViewSchema,
  createdAccountRequestSchema,
  downloadViewSchema,
  supportIdSchema,
} from '../../../common/certificates.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../platform/auth/actor.js';
import { requireScope } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { createAccountRequest } from './create-request.js';
import { consumeDownload, showDownload } from './downloads.js';
import { completeAccountRequest, startAccountRequest } from './process-request.js';
import { findRequest, listAllRequests, listOrganizationRequests } from './repository.js';
import { supportIdOf } from './support-id.js';

const customerAdmins: Access = { kind: 'customer', roles: ['admin'] };
const support: Access = { kind: 'operator', roles: ['operator_admin', 'support_agent'] };

const requestIdParams = z.strictObject({ requestId: z.string().regex(/^\d{1,18}$/) });
const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/**
 * Account procedures (ID-16): the customer admin's support ID and requests; the operator's queue
 * (start, complete); the one-time download links the completion mails carry.
 */
export const accountRequestRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['account-requests'];

  app.get(
    '/api/organization/support-id',
    {
      config: { access: customerAdmins },
      schema: { tags, response: { 200: supportIdSchema } },
    },
    async (req) => ({ supportId: await supportIdOf(deps.db, requireScope(req)) }),
  );

  app.post(
    '/api/account-requests',
    {
      config: { access: customerAdmins },
      schema: {
        tags,
        body: accountRequestBody,
        response: { 201: createdAccountRequestSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createAccountRequest(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/account-requests',
    { config: { access: customerAdmins }, schema: { tags, response: { 200: accountRequestListSchema } } },
    async (req) => ({ items: await listOrganizationRequests(deps.db, requireScope(req)) }),
  );

  app.get(
    '/api/operator/account-requests',
    {
      config: { access: support, widenRowScope: 'operator console' },
      schema: { tags, response: { 200: accountRequestListSchema } },
    },
    async () => ({ items: await listAllRequests(deps.db) }),
  );

  for (const [action, run] of [
    ['start', startAccountRequest],
    ['complete', completeAccountRequest],
  ] as const) {
    app.post(
      `/api/operator/account-requests/:requestId/${action}`,
      {
        config: { access: support, widenRowScope: 'operator console' },
        schema: { tags, params: requestIdParams, response: { 200: accountRequestViewSchema } },
      },
      async (req) => {
        await run(deps, actorOf(req), req.params.requestId);
        const view = await findRequest(deps.db, req.params.requestId);
        if (!view) throw notFound();
        return view;
      },
    );
  }

  // The link in the mail is the credential (256-bit token, stored hashed): public like invitations.
  app.get(
    '/api/downloads/:token',
    {
      config: { access: 'public', widenRowScope: 'download link' },
      schema: {
        tags,
        params: tokenParams,
        response: { 200: downloadViewSchema },
      },
    },
    async (req) => showDownload(deps, req.params.token),
  );

  app.post(
    '/api/downloads/:token/download',
    { config: { access: 'public', widenRowScope: 'download link' }, schema: { tags, params: tokenParams } },
    async (req, reply) => {
      const file = await consumeDownload(deps, req.params.token);
      reply.header('cache-control', 'no-store');
      if (file.kind === 'temporary_password')
        return reply.send({ temporaryPassword: file.payload.toString('utf8') });
      return reply
        .header('content-type', 'application/x-pkcs12')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.payload);
    },
  );
};
