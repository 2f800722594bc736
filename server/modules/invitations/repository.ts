import type { Db } from '../../db/pool.js';
import { hashToken } from '../../platform/tokens.js';

/** The invitation a link token stands for, with its organisation; locked when `forUpdate`. */
export async function findInvitationByToken(db: Db, token: string, forUpdate = false) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .select([
      'invitations.id',
      'invitations.kind',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.cancelled_at',
      'invitations.failed_checks',
      'invitations.user_id',
      'invitations.membership_id',
      'invitations.organization_id',
      'invitations.tenant_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.kind as organization_kind',
    ])
    .where('invitations.token_hash', '=', hashToken(token));
  if (forUpdate) query = query.forUpdate('invitations');
  return query.executeTakeFirst();
}

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'cancelled';

export function invitationStatus(
  row: { accepted_at: Date | null; expires_at: Date; cancelled_at: Date | null },
  now: Date,
): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.cancelled_at) return 'cancelled';
  return row.expires_at <= now ? 'expired' : 'pending';
}

/** Invitations of one organisation, newest first. */
export async function listInvitations(db: Db, organizationId: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'expires_at', 'accepted_at', 'cancelled_at', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The account an invitation was made for (created with the invitation, possibly long before). */
export async function findInvitedUser(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'phone', 'mobile', 'password_hash', 'locale', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Ends every link of a membership that could still be used (before a new one, or on cancel). */
export async function cancelOpenInvitations(db: Db, membershipId: string, now: Date) {
  await db
    .updateTable('invitations')
    .set({ cancelled_at: now })
    .where('membership_id', '=', membershipId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}
