import { createServer, type Server } from 'node:https';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { certificateAuthority } from './authority.js';
import { signServerCertificate } from './sign-certificate.js';

/**
 * What the mutual-TLS listener offers: TLS 1.3, and in TLS 1.2 only forward-secret ECDHE key
 * exchange with AEAD ciphers (no RSA key exchange, no CBC).
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/**
 * The mutual-TLS listener (ID-15): HTTPS on HTTPS_PORT with a server certificate the portal's
 * server CA issues at start for TLS_HOSTNAMES, asking every client for a certificate of the
 * client CA (a different CA) but not refusing a connection without one (the sign-in check
 * decides; other pages work without). Requests go through the same Fastify routes as the plain
 * listener.
 */
export async function startTlsListener(app: FastifyInstance, deps: AppDeps): Promise<Server> {
  const { config, clock } = deps;
  await app.ready();
  const [clientCa, serverCa] = await Promise.all([
    certificateAuthority(deps, 'client'),
    certificateAuthority(deps, 'server'),
  ]);
  const { certificate, privateKeyPem } = await signServerCertificate(
    serverCa,
    config.certificates.tlsHostnames,
    clock.now(),
  );
  const server = createServer(
    {
      key: privateKeyPem,
      cert: `${certificate.toString('pem')}\n${serverCa.pem}`,
      ca: [clientCa.pem],
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      ciphers: TLS_CIPHERS,
      honorCipherOrder: true,
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
