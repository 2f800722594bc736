import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mfaPolicyBody, mfaPolicySchema } from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../platform/auth/actor.js';
import { requireScope } from '../../platform/auth/plugin.js';
import { orgAdmins } from '../users/routes.js';
import { userIdParams } from '../users/schemas.js';
import { organizationMfaPolicy } from './policy.js';
import { resetUserFactors } from './reset-user-factors.js';
import { policyOrganization, updateMfaPolicy } from './update-mfa-policy.js';

const organizationParams = z.strictObject({ organizationId: z.string().regex(/^\d{1,18}$/) });

/** Admins: reset a user's second factors; the organisation's MFA policy (ID-4, ID-5). */
export const mfaAdminRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['mfa'];

  app.post(
    '/api/users/:userId/mfa/reset',
    { config: { access: orgAdmins }, schema: { tags, params: userIdParams } },
    async (req, reply) => {
      await resetUserFactors(deps, actorOf(req), req.params.userId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/organizations/:organizationId/mfa-policy',
    {
      config: { access: orgAdmins },
      schema: { tags, params: organizationParams, response: { 200: mfaPolicySchema } },
    },
    async (req) => {
      const org = await policyOrganization(deps, requireScope(req), req.params.organizationId);
      return organizationMfaPolicy(deps.db, org.id);
    },
  );

  app.put(
    '/api/organizations/:organizationId/mfa-policy',
    {
      config: { access: orgAdmins },
      schema: { tags, params: organizationParams, body: mfaPolicyBody, response: { 200: mfaPolicySchema } },
    },
    async (req) => {
      await updateMfaPolicy(
        deps,
        { scope: requireScope(req), ip: req.ip, sessionId: req.session?.id ?? null },
        req.params.organizationId,
        req.body,
      );
      return organizationMfaPolicy(deps.db, req.params.organizationId);
    },
  );
};
