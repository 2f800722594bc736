import type { Db } from '../../db/pool.js';
import { hashToken } from '../../platform/tokens.js';

/** The invitation a link token stands for, with its organisation; locked when `forUpdate`. */
export async function findInvitationByToken(db: Db, token: string, forUpdate = false) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.organization_id',
      'invitations.tenant_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
    ])
    .where('invitations.token_hash', '=', hashToken(token));
  if (forUpdate) query = query.forUpdate('invitations');
  return query.executeTakeFirst();
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export function invitationStatus(
  row: { accepted_at: Date | null; expires_at: Date },
  now: Date,
): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  return row.expires_at <= now ? 'expired' : 'pending';
}

/** Invitations of one organisation, newest first. */
export async function listInvitations(db: Db, organizationId: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'expires_at', 'accepted_at', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}
