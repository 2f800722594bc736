import { sql } from 'kysely';
import { adminRoles } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import { tenantIs } from '../../db/tenant-match.js';
import type { Clock } from '../../platform/clock.js';

/**
 * Ends what a certificate opened (revoke, reissue): the live sessions signed in with it and the
 * login attempts waiting for their second factor. Answers how many sessions ended. Runs in the
 * caller's transaction.
 */
export async function endCertificateSessions(
  trx: Db,
  clock: Clock,
  certificateIds: string[],
): Promise<number> {
  if (certificateIds.length === 0) return 0;
  const now = clock.now();
  await trx
    .updateTable('login_attempts')
    .set({ consumed_at: now })
    .where('certificate_id', 'in', certificateIds)
    .where('consumed_at', 'is', null)
    .execute();
  const ended = await trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('certificate_id', 'in', certificateIds)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return ended.length;
}

/**
 * When an organisation starts requiring certificates for its admins: ends the live sessions of
 * its active admins that were not opened with a certificate still valid now (none, revoked or
 * expired), whatever membership the session is in — such a user now needs the certificate at
 * every sign-in. Answers how many sessions ended.
 */
export async function endAdminSessionsWithoutCertificate(
  trx: Db,
  clock: Clock,
  scope: { organizationId: string; tenantId: string | null },
): Promise<number> {
  const now = clock.now();
  const ended = await trx
    .updateTable('sessions as s')
    .set({ revoked_at: now })
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where(
      's.user_id',
      'in',
      trx
        .selectFrom('memberships')
        .select('user_id')
        .where('organization_id', '=', scope.organizationId)
        .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
        .where('status', '=', 'active')
        .where('role', 'in', adminRoles),
    )
    .where(
      sql<boolean>`NOT EXISTS (
        SELECT 1 FROM certificates c
        WHERE c.id = s.certificate_id AND c.revoked_at IS NULL AND c.not_after > ${now})`,
    )
    .returning('s.id')
    .execute();
  return ended.length;
}

/** Whether a session was opened with a certificate of its user that is still valid now. */
export async function sessionHasValidCertificate(db: Db, clock: Clock, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('certificates as c', (j) =>
      j.onRef('c.id', '=', 's.certificate_id').onRef('c.user_id', '=', 's.user_id'),
    )
    .select('c.id')
    .where('s.id', '=', sessionId)
    .where('c.revoked_at', 'is', null)
    .where('c.not_after', '>', clock.now())
    .executeTakeFirst();
  return row !== undefined;
}
