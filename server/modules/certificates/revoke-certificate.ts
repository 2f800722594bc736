import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { type CertificateActor, certificateAudit } from './actor.js';
import { lockIssuedCertificate, revokeIssuedCertificate } from './repository.js';
import { endCertificateSessions } from './session-repository.js';

/**
 * 証明書失効: revokes one certificate the actor's organisation issued (another organisation's is
 * a 404) and ends the sessions signed in with it. Revoking a revoked certificate changes nothing.
 */
export async function revokeCertificate(deps: AppDeps, actor: CertificateActor, certificateId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockIssuedCertificate(trx, actor, certificateId);
    if (!row) throw notFound();
    if (row.revoked_at) return;
    await revokeIssuedCertificate(trx, actor, row.id, {
      at: deps.clock.now(),
      by: actor.actorUserId,
      reason: 'revoked',
    });
    const sessionsEnded = await endCertificateSessions(trx, deps.clock, [row.id]);
    await recordAudit(trx, deps.clock, {
      ...certificateAudit(actor, row.user_id),
      action: 'certificate.revoke',
      details: { certificateId: row.id, serial: row.serial, sessionsEnded },
    });
  });
}
