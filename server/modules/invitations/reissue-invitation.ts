import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { issueLink } from './issue-link.js';
import { cancelOpenInvitations } from './repository.js';

export type ReissueTarget = ({ invitationId: string } | { membershipId: string }) & {
  /** The admin who asked for it; null when the invitee asked from the login page. */
  actorUserId?: string | null;
  ip?: string | null;
};

/**
 * Sends a still-invited membership a fresh 7-day link of the same kind and ends the old ones
 * (招待メール再送, and the expired link re-requested from the login page's パスワード再設定).
 * Runs in the caller's transaction; 404 when there is no such membership, 409 `not_invited`
 * when it has been accepted or ended.
 */
export async function reissueInvitation(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'jobs' | 'config'>,
  target: ReissueTarget,
): Promise<{ id: string; expiresAt: Date; url: string }> {
  const membershipId =
    'membershipId' in target
      ? target.membershipId
      : (
          await trx
            .selectFrom('invitations')
            .select('membership_id')
            .where('id', '=', target.invitationId)
            .executeTakeFirst()
        )?.membership_id;
  if (!membershipId) throw notFound();
  const row = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.status',
      'm.role',
      'u.id as userId',
      'u.email',
      'u.locale',
      'u.time_zone',
      'o.id as organizationId',
      'o.code',
      'o.name',
      'o.tenant_id',
      'o.kind as organizationKind',
    ])
    .where('m.id', '=', membershipId)
    .forUpdate('m')
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'invited') throw new AppError(409, 'not_invited');
  // The kind of the previous link decides the next: an admin-added user keeps the identity check.
  const previous = await trx
    .selectFrom('invitations')
    .select('kind')
    .where('membership_id', '=', membershipId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  await cancelOpenInvitations(trx, membershipId, deps.clock.now());
  const tenantId = row.organizationKind === 'operator' ? null : row.tenant_id;
  const link = await issueLink(trx, deps, {
    organization: { id: row.organizationId, code: row.code, name: row.name, tenantId },
    kind: previous?.kind ?? 'activation',
    user: { id: row.userId, email: row.email, locale: row.locale, timeZone: row.time_zone },
    membershipId,
    role: row.role,
    invitedBy: target.actorUserId ?? null,
  });
  await recordAudit(trx, deps.clock, {
    actorUserId: target.actorUserId ?? null,
    organizationId: row.organizationId,
    tenantId,
    action: 'invitation.resend',
    targetType: 'invitation',
    targetId: link.id,
    ip: target.ip ?? null,
    details: { email: row.email, userId: row.userId },
  });
  return link;
}
