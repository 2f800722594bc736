import { type Insertable, sql } from 'kysely';
import type { CertificateView } from '../../../common/certificates.js';
import { adminRoles } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';
import type { Database } from '../../db/types.js';
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

/** The organisation's certificates (the scope in the WHERE; the caller narrows and selects). */
const certificatesOf = (db: Db, scope: OrganizationScope) =>
  db
    .selectFrom('certificates')
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId);

/** The certificates an organisation issued to one of its users, newest first. */
export async function listUserCertificates(db: Db, scope: OrganizationScope, userId: string) {
  const rows = await certificatesOf(db, scope)
    .select(viewColumns)
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
export async function findCertificateHolder(db: Db, scope: OrganizationScope, userId: string) {
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
    .where('m.organization_id', '=', scope.organizationId)
    .where('m.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('m.user_id', '=', userId)
    // An open invitation is not a member yet (and its account is not the inviter's to see).
    .where('m.status', '<>', 'invited')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
export type CertificateHolder = Awaited<ReturnType<typeof findCertificateHolder>>;

/** One certificate the organisation issued, locked; undefined for another organisation's. */
export async function lockIssuedCertificate(trx: Db, scope: OrganizationScope, certificateId: string) {
  return certificatesOf(trx, scope)
    .select(['id', 'user_id', 'serial', 'revoked_at'])
    .where('id', '=', certificateId)
    .forUpdate()
    .executeTakeFirst();
}

type Revocation = { at: Date; by: string; reason: 'revoked' | 'reissued' };

const revocationColumns = (r: Revocation) => ({
  revoked_at: r.at,
  revoked_by: r.by,
  revocation_reason: r.reason,
});

/** Revokes one certificate of the organisation (found and locked before). */
export async function revokeIssuedCertificate(
  trx: Db,
  scope: OrganizationScope,
  certificateId: string,
  revocation: Revocation,
) {
  await trx
    .updateTable('certificates')
    .set(revocationColumns(revocation))
    .where('id', '=', certificateId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .execute();
}

/** Revokes every valid certificate the organisation issued to the user; answers their ids. */
export async function revokeUserCertificates(
  trx: Db,
  scope: OrganizationScope,
  userId: string,
  revocation: Revocation,
) {
  const rows = await trx
    .updateTable('certificates')
    .set(revocationColumns(revocation))
    .where('user_id', '=', userId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Puts a certificate the organisation issued on record; answers its id. */
export async function insertCertificate(
  trx: Db,
  scope: OrganizationScope,
  certificate: Omit<Insertable<Database['certificates']>, 'organization_id' | 'tenant_id'>,
) {
  const row = await trx
    .insertInto('certificates')
    .values({ ...certificate, organization_id: scope.organizationId, tenant_id: scope.tenantId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Every revoked certificate of the portal, in revocation order: the client CA is one for the
 * whole installation, so its revocation list names every tenant's revoked serials.
 */
export async function revokedCertificates(db: Db) {
  return db
    .selectFrom('certificates')
    .select(['serial', 'revoked_at', 'revocation_reason'])
    .where('revoked_at', 'is not', null)
    .orderBy('revoked_at')
    .orderBy('id')
    .execute();
}

/**
 * The certificate on record with this fingerprint, whoever it was issued to: at sign-in the
 * presented certificate is what names the user (the caller compares it with the signing-in one).
 */
export async function findCertificateByFingerprint(db: Db, fingerprint: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'user_id', 'revoked_at'])
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
}

/**
 * The user's second-factor method, and whether an organisation where they are an active admin
 * requires certificates for its admins (over all of the user's organisations: the strictest applies).
 */
export async function certificateRuleOfUser(db: Db, userId: string) {
  return db
    .selectFrom('users as u')
    .select([
      'u.mfa_method',
      sql<boolean>`EXISTS (
        SELECT 1 FROM memberships m
        JOIN organization_mfa_policies p ON p.organization_id = m.organization_id
        WHERE m.user_id = u.id AND m.status = 'active' AND m.role IN (${sql.join(adminRoles)})
          AND p.require_certificate_for_admins)`.as('adminRule'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/**
 * The organisation (kind, trial) with its current certificate rule, its row locked while
 * the policy changes.
 */
export async function lockOrganizationCertificateRule(trx: Db, scope: OrganizationScope) {
  return trx
    .selectFrom('organizations')
    .leftJoin('organization_mfa_policies as p', 'p.organization_id', 'organizations.id')
    .select(['organizations.kind', 'organizations.trial', 'p.require_certificate_for_admins as current'])
    .where('organizations.id', '=', scope.organizationId)
    .where('organizations.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .forUpdate('organizations')
    .executeTakeFirstOrThrow();
}

/** Whether the user is an active admin of the organisation. */
export async function isActiveAdminOf(trx: Db, scope: OrganizationScope, userId: string) {
  const row = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('status', '=', 'active')
    .where('role', 'in', adminRoles)
    .executeTakeFirst();
  return row !== undefined;
}

/** A portal CA as stored (one per purpose, for the whole installation), or undefined. */
export async function findAuthorityRow(db: Db, purpose: 'client' | 'server') {
  return db
    .selectFrom('certificate_authorities')
    .selectAll()
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Stores a new portal CA; when another process stored one for the purpose first, that one stays. */
export async function insertAuthorityUnlessPresent(
  db: Db,
  authority: Insertable<Database['certificate_authorities']>,
) {
  await db
    .insertInto('certificate_authorities')
    .values(authority)
    .onConflict((oc) => oc.column('purpose').doNothing())
    .execute();
}
