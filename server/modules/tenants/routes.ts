import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createTenantBody, inviteTenantAdminBody, listQuery, text } from '../../../common/schemas.js';
import {
  createdInvitationSchema,
  tenantDetailSchema,
  tenantListSchema,
  tenantSchema,
} from '../../../common/tenants.js';
import type { AppDeps } from '../../deps.js';
import { requireScope } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { createInvitation } from '../invitations/create-invitation.js';
import { invitationStatus, listInvitations } from '../invitations/repository.js';
import { createTenant } from './create-tenant.js';
import { findTenant, listMembers, listTenants } from './repository.js';

const readers: Access = { kind: 'operator', roles: ['operator_admin', 'support_agent'] };
const admins: Access = { kind: 'operator', roles: ['operator_admin'] };
const idParams = z.strictObject({ tenantId: z.string().regex(/^\d{1,18}$/) });

/** Operator console: partner tenants and the invitation of their first admin. */
export const tenantRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/operator/tenants',
    {
      config: { access: readers, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        querystring: listQuery.extend({
          sort: z.enum(['code', 'name', 'createdAt']).default('code'),
          q: text({ error: 'validation.invalid' }).trim().max(40).optional(),
        }),
        response: { 200: tenantListSchema },
      },
    },
    async (req) => listTenants(deps.db, deps.clock.now(), req.query),
  );

  app.post(
    '/api/operator/tenants',
    {
      config: { access: admins, widenRowScope: 'operator console' },
      schema: { tags: ['operator'], body: createTenantBody, response: { 201: tenantSchema } },
    },
    async (req, reply) => {
      const scope = requireScope(req);
      const tenant = await deps.db
        .transaction()
        .execute((trx) =>
          createTenant(trx, deps.clock, { name: req.body.name, actorUserId: scope.userId, ip: req.ip }),
        );
      return reply.status(201).send(tenant);
    },
  );

  app.get(
    '/api/operator/tenants/:tenantId',
    {
      config: { access: readers, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: idParams,
        response: { 200: tenantDetailSchema },
      },
    },
    async (req) => {
      const tenant = await findTenant(deps.db, req.params.tenantId);
      if (!tenant) throw notFound();
      // A partner tenant is its own tenant: its members and links carry its id as their tenant.
      const scope = { organizationId: tenant.id, tenantId: tenant.id };
      const [members, invitations] = await Promise.all([
        listMembers(deps.db, scope),
        listInvitations(deps.db, scope),
      ]);
      const now = deps.clock.now();
      return {
        id: tenant.id,
        code: tenant.code,
        name: tenant.name,
        createdAt: tenant.created_at,
        members,
        invitations: invitations.map((i) => ({
          id: i.id,
          email: i.email,
          status: invitationStatus(i, now),
          expiresAt: i.expires_at,
          createdAt: i.created_at,
        })),
      };
    },
  );

  app.post(
    '/api/operator/tenants/:tenantId/invitations',
    {
      config: { access: admins, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: idParams,
        body: inviteTenantAdminBody,
        response: { 201: createdInvitationSchema },
      },
    },
    async (req, reply) => {
      const scope = requireScope(req);
      const tenant = await findTenant(deps.db, req.params.tenantId);
      if (!tenant) throw notFound();
      const invitation = await deps.db.transaction().execute((trx) =>
        createInvitation(trx, deps, {
          organization: { id: tenant.id, code: tenant.code, name: tenant.name, tenantId: tenant.id },
          email: req.body.email,
          role: 'admin',
          invitedBy: scope.userId,
          ip: req.ip,
        }),
      );
      return reply
        .status(201)
        .send({ id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt });
    },
  );
};
