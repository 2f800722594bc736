import type { AppDeps } from '../../deps.js';
import { certificateAuthority } from './authority.js';
import type { PresentedCertificate } from './presented-certificate.js';
import { findCertificateByFingerprint } from './repository.js';
import { fingerprintOf, x509 } from './x509.js';

export type Verification =
  | { ok: true; fingerprint: string; userId: string; certificateId: string }
  | { ok: false; reason: 'none' | 'malformed' | 'untrusted' | 'expired' | 'unknown' | 'revoked' };

/**
 * Whether a presented certificate is one the portal issued and still honours: it parses, the
 * portal CA signed it, it is within its validity at the portal's time, and its fingerprint is a
 * certificate on record that is not revoked.
 */
export async function verifyPresented(deps: AppDeps, presented: PresentedCertificate): Promise<Verification> {
  if (presented.kind === 'none') return { ok: false, reason: 'none' };
  if (presented.kind === 'malformed') return { ok: false, reason: 'malformed' };
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(new Uint8Array(presented.der));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const ca = await certificateAuthority(deps);
  const signed = await cert
    .verify({ publicKey: ca.certificate.publicKey, signatureOnly: true })
    .catch(() => false);
  if (!signed || cert.issuer !== ca.certificate.subject) return { ok: false, reason: 'untrusted' };
  const now = deps.clock.now();
  if (now < cert.notBefore || now > cert.notAfter) return { ok: false, reason: 'expired' };
  const fingerprint = await fingerprintOf(cert);
  const row = await findCertificateByFingerprint(deps.db, fingerprint);
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  return { ok: true, fingerprint, userId: row.user_id, certificateId: row.id };
}
