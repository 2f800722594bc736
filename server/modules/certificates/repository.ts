import type { CertificateView } from '../../../common/certificates.js';
import type { Db } from '../../db/pool.js';
import { notFound } from '../../platform/errors.js';

const viewColumns = [
  'id',
  'serial',
  'fingerprint',
  'subject',
  'not_before',
  'not_after',
  'issued_at',
  'revoked_at',
] as const;

type Row = {
  id: string;
  serial: string;
  fingerprint: string;
  subject: string;
  issued_at: Date;
  not_after: Date;
  revoked_at: Date | null;
};

export const toView = (r: Row): CertificateView => ({
  id: r.id,
  serial: r.serial,
  fingerprint: r.fingerprint,
  subject: r.subject,
  issuedAt: r.issued_at.toISOString(),
  expiresAt: r.not_after.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** The certificates an organisation issued to one of its users, newest first. */
export async function listUserCertificates(db: Db, organizationId: string, userId: string) {
  const rows = await db
    .selectFrom('certificates')
    .select(viewColumns)
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toView);
}

/** Every certificate of the signed-in user, whichever organisation issued it. */
export async function listOwnCertificates(db: Db, userId: string) {
  const rows = await db
    .selectFrom('certificates')
    .select(viewColumns)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toView);
}

/** A member of the organisation as a certificate names them; another organisation's user is a 404. */
export async function findCertificateHolder(db: Db, organizationId: string, userId: string) {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.locale',
      'm.status',
      'm.role',
      'o.name as organizationName',
      'o.tenant_id as tenantId',
      'o.kind',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    // An open invitation is not a member yet (and its account is not the inviter's to see).
    .where('m.status', '<>', 'invited')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
export type CertificateHolder = Awaited<ReturnType<typeof findCertificateHolder>>;
