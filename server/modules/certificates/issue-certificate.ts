import type { IssuedCertificate } from '../../../common/certificates.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { assertAccountManagedHere } from '../users/account-rules.js';
import { lockMember } from '../users/repository.js';
import { type CertificateActor, certificateAudit } from './actor.js';
import { certificateAuthority } from './authority.js';
import { buildPkcs12, newP12Password } from './pkcs12.js';
import { findCertificateHolder, insertCertificate, revokeUserCertificates } from './repository.js';
import { endCertificateSessions } from './session-repository.js';
import { signClientCertificate } from './sign-certificate.js';
import { fingerprintOf } from './x509.js';

/** A signed certificate and its PKCS#12, not yet on record. */
export type PreparedCertificate = Awaited<ReturnType<typeof prepareCertificate>>;

/** Signs a certificate for an active member of the actor's organisation and packs it (no writes). */
export async function prepareCertificate(deps: AppDeps, actor: CertificateActor, userId: string) {
  const ca = await certificateAuthority(deps);
  const holder = await findCertificateHolder(deps.db, actor, userId);
  if (holder.status !== 'active') throw new AppError(409, 'not_active');
  const { certificate, privateKeyPem } = await signClientCertificate(ca, {
    name: holder.name,
    email: holder.email,
    organizationName: holder.organizationName,
    now: deps.clock.now(),
  });
  const password = newP12Password();
  const pem = certificate.toString('pem');
  const p12 = buildPkcs12({
    privateKeyPem,
    certificatePem: pem,
    caPem: ca.pem,
    password,
    friendlyName: holder.name,
  });
  return { holder, certificate, pem, fingerprint: await fingerprintOf(certificate), p12, password };
}

/**
 * Puts a prepared certificate on record inside the caller's transaction; with `reissue`, every
 * earlier certificate the organisation issued to that user is revoked in the same moment and the
 * sessions signed in with them end.
 */
export async function recordCertificate(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  actor: CertificateActor,
  prepared: PreparedCertificate,
  options: { reissue: boolean },
): Promise<IssuedCertificate> {
  const now = deps.clock.now();
  const { holder, certificate } = prepared;
  const membership = await lockMember(trx, actor, holder.id);
  if (membership.status !== 'active') throw new AppError(409, 'not_active');
  let revoked = 0;
  let sessionsEnded = 0;
  if (options.reissue) {
    const ids = await revokeUserCertificates(trx, actor, holder.id, {
      at: now,
      by: actor.actorUserId,
      reason: 'reissued',
    });
    revoked = ids.length;
    sessionsEnded = await endCertificateSessions(trx, deps.clock, ids);
  }
  const id = await insertCertificate(trx, actor, {
    user_id: holder.id,
    serial: certificate.serialNumber,
    fingerprint: prepared.fingerprint,
    subject: certificate.subject,
    certificate_pem: prepared.pem,
    not_before: certificate.notBefore,
    not_after: certificate.notAfter,
    issued_at: now,
    issued_by: actor.actorUserId,
  });
  await recordAudit(trx, deps.clock, {
    ...certificateAudit(actor, holder.id),
    action: options.reissue ? 'certificate.reissue' : 'certificate.issue',
    details: { certificateId: id, serial: certificate.serialNumber, revoked, sessionsEnded },
  });
  return {
    id,
    serial: certificate.serialNumber,
    fingerprint: prepared.fingerprint,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    p12Base64: prepared.p12.toString('base64'),
    p12Password: prepared.password,
  };
}

/**
 * 証明書発行 / 再発行 (ID-15): an admin issues a client certificate (PKCS#12 with a one-time
 * password, shown once) to an active member of their organisation; a reissue revokes the
 * earlier ones at once. A certificate is a second factor of the account, so only an
 * organisation that manages the account issues one (409 `shared_account` otherwise).
 */
export async function issueCertificate(
  deps: AppDeps,
  actor: CertificateActor,
  userId: string,
  options: { reissue: boolean },
): Promise<IssuedCertificate> {
  const prepared = await prepareCertificate(deps, actor, userId);
  return deps.db.transaction().execute(async (trx) => {
    await assertAccountManagedHere(trx, actor, userId);
    return recordCertificate(trx, deps, actor, prepared, options);
  });
}
