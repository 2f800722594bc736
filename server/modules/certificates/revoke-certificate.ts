import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { type CertificateActor, certificateAudit } from './actor.js';
import { endCertificateSessions } from './certificate-sessions.js';

/**
 * 証明書失効: revokes one certificate the actor's organisation issued (another organisation's is
 * a 404) and ends the sessions signed in with it. Revoking a revoked certificate changes nothing.
 */
export async function revokeCertificate(deps: AppDeps, actor: CertificateActor, certificateId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('certificates')
      .select(['id', 'user_id', 'serial', 'revoked_at'])
      .where('id', '=', certificateId)
      .where('organization_id', '=', actor.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.revoked_at) return;
    await trx
      .updateTable('certificates')
      .set({ revoked_at: deps.clock.now(), revoked_by: actor.actorUserId, revocation_reason: 'revoked' })
      .where('id', '=', row.id)
      .execute();
    const sessionsEnded = await endCertificateSessions(trx, deps.clock, [row.id]);
    await recordAudit(trx, deps.clock, {
      ...certificateAudit(actor, row.user_id),
      action: 'certificate.revoke',
      details: { certificateId: row.id, serial: row.serial, sessionsEnded },
    });
  });
}
