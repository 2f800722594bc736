import { createServer, type Server } from 'node:https';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { certificateAuthority } from './authority.js';
import { signServerCertificate } from './sign-certificate.js';

/**
 * The mutual-TLS listener (ID-15): HTTPS on HTTPS_PORT with a server certificate the portal CA
 * issues at start for TLS_HOSTNAMES, asking every client for a certificate of the portal CA but
 * not refusing a connection without one (the sign-in check decides; other pages work without).
 * Requests go through the same Fastify routes as the plain listener.
 */
export async function startTlsListener(app: FastifyInstance, deps: AppDeps): Promise<Server> {
  const { config, clock } = deps;
  await app.ready();
  const ca = await certificateAuthority(deps);
  const { certificate, privateKeyPem } = await signServerCertificate(
    ca,
    config.certificates.tlsHostnames,
    clock.now(),
  );
  const server = createServer(
    {
      key: privateKeyPem,
      cert: `${certificate.toString('pem')}\n${ca.pem}`,
      ca: [ca.pem],
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    (req, res) => app.routing(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.certificates.httpsPort, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops accepting, lets open requests finish, then drops idle keep-alive connections. */
export function closeTlsListener(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
