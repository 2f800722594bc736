import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { certificateListSchema, issuedCertificateSchema } from '../../../common/certificates.js';
import type { AppDeps } from '../../deps.js';
import { requireScope, requireUser } from '../../platform/auth/plugin.js';
import { orgAdmins } from '../users/routes.js';
import { userIdParams } from '../users/schemas.js';
import { adminActor } from './actor.js';
import { certificateAuthority } from './authority.js';
import { issueCertificate } from './issue-certificate.js';
import { findCertificateHolder, listOwnCertificates, listUserCertificates } from './repository.js';
import { clientCaRevocationList } from './revocation-list.js';
import { revokeCertificate } from './revoke-certificate.js';
import { certificateIdParams } from './schemas.js';
import { x509 } from './x509.js';

/**
 * Client certificates (ID-15): an admin issues, lists, revokes and reissues; users see their own;
 * anyone may fetch the client CA certificate and its CRL (public information, for proxies).
 */
export const certificateRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['certificates'];

  app.get(
    '/api/users/:userId/certificates',
    {
      config: { access: orgAdmins },
      schema: { tags, params: userIdParams, response: { 200: certificateListSchema } },
    },
    async (req) => {
      const scope = requireScope(req);
      await findCertificateHolder(deps.db, scope, req.params.userId);
      return { items: await listUserCertificates(deps.db, scope, req.params.userId) };
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
        schema: { tags, params: userIdParams, response: { 201: issuedCertificateSchema } },
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
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: certificateListSchema } } },
    async (req) => ({ items: await listOwnCertificates(deps.db, requireUser(req).id) }),
  );

  // For nginx and other TLS-terminating proxies (README: client certificates behind nginx).
  const file = (type: string, description: string) => ({
    200: { description, content: { [type]: { schema: z.string() } } },
  });
  const publicFile = { config: { access: 'public' as const, widenRowScope: 'certificate authority files' } };

  app.get(
    '/api/certificates/ca.pem',
    {
      ...publicFile,
      schema: {
        tags,
        summary: 'The client CA certificate (PEM), for ssl_client_certificate',
        response: file('application/x-pem-file', 'The CA that signs every client certificate'),
      },
    },
    async (_req, reply) => {
      const ca = await certificateAuthority(deps, 'client');
      return reply
        .header('content-type', 'application/x-pem-file')
        .header('content-disposition', 'attachment; filename="madoguchi-client-ca.pem"')
        .send(ca.pem);
    },
  );

  for (const [path, type, pem] of [
    ['/pki/client-ca.crl', 'application/pkix-crl', false],
    ['/pki/client-ca.crl.pem', 'application/x-pem-file', true],
  ] as const) {
    app.get(
      path,
      {
        ...publicFile,
        schema: {
          tags,
          summary: `The client CA's revocation list (${pem ? 'PEM, for ssl_crl' : 'DER'})`,
          response: file(type, 'Revoked client certificates, signed by the client CA, with nextUpdate'),
        },
      },
      async (_req, reply) => {
        const crl = await clientCaRevocationList(deps);
        return (
          reply
            .header('content-type', type)
            .header('cache-control', 'no-cache')
            // The DER is sent as bytes; the response schema only documents it.
            .send(
              pem
                ? x509.PemConverter.encode(crl.rawData, 'X509 CRL')
                : (Buffer.from(crl.rawData) as unknown as string),
            )
        );
      },
    );
  }
};
