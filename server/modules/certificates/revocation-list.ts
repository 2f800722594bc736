import type { AppDeps } from '../../deps.js';
import { certificateAuthority } from './authority.js';
import { revokedCertificates } from './repository.js';
import { x509 } from './x509.js';

/** How long a published CRL stays valid (nextUpdate); proxies should fetch it at least daily. */
export const CRL_VALID_DAYS = 7;

/** DER INTEGER of a non-negative whole number (the CRL number). */
function derInteger(value: number): ArrayBuffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, 'hex');
  return new Uint8Array([0x02, body.length, ...body]).buffer;
}

/**
 * The client CA's certificate revocation list, for proxies that verify client certificates
 * themselves (nginx `ssl_crl`): every revoked certificate (reissued ones as superseded), signed
 * by the client CA, valid CRL_VALID_DAYS from now, numbered by its time so each is newer.
 */
export async function clientCaRevocationList(deps: AppDeps): Promise<x509.X509Crl> {
  const ca = await certificateAuthority(deps, 'client');
  const now = deps.clock.now();
  const revoked = await revokedCertificates(deps.db);
  return x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_VALID_DAYS * 86_400_000),
    entries: revoked.map((r) => ({
      serialNumber: r.serial,
      revocationDate: r.revoked_at!,
      reason:
        r.revocation_reason === 'reissued' ? x509.X509CrlReason.superseded : x509.X509CrlReason.unspecified,
    })),
    signingKey: ca.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      new x509.Extension('2.5.29.20', false, derInteger(Math.floor(now.getTime() / 1000))),
    ],
  });
}
