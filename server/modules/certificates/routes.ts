import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireScope, requireUser } from '../../platform/auth/plugin.js';
import { orgAdmins } from '../users/routes.js';
import { userIdParams } from '../users/schemas.js';
import { adminActor } from './actor.js';
import { issueCertificate } from './issue-certificate.js';
import { findCertificateHolder, listOwnCertificates, listUserCertificates } from './repository.js';
import { revokeCertificate } from './revoke-certificate.js';
import { certificateIdParams, certificateList, issuedCertificate } from './schemas.js';

/** Client certificates (ID-15): an admin issues, lists, revokes and reissues; users see their own. */
export const certificateRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['certificates'];

  app.get(
    '/api/users/:userId/certificates',
    {
      config: { access: orgAdmins },
      schema: { tags, params: userIdParams, response: { 200: certificateList } },
    },
    async (req) => {
      const { organizationId } = requireScope(req);
      await findCertificateHolder(deps.db, organizationId, req.params.userId);
      return { items: await listUserCertificates(deps.db, organizationId, req.params.userId) };
    },
  );

  for (const [path, reissue] of [
    ['/api/users/:userId/certificates', false],
    ['/api/users/:userId/certificates/reissue', true],
  ] as const) {
    app.post(
      path,
      {
        config: { access: orgAdmins },
        schema: { tags, params: userIdParams, response: { 201: issuedCertificate } },
      },
      async (req, reply) => {
        const issued = await issueCertificate(deps, adminActor(req), req.params.userId, { reissue });
        return reply.status(201).header('cache-control', 'no-store').send(issued);
      },
    );
  }

  app.post(
    '/api/certificates/:certificateId/revoke',
    { config: { access: orgAdmins }, schema: { tags, params: certificateIdParams } },
    async (req, reply) => {
      await revokeCertificate(deps, adminActor(req), req.params.certificateId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me/certificates',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: certificateList } } },
    async (req) => ({ items: await listOwnCertificates(deps.db, requireUser(req).id) }),
  );
};
