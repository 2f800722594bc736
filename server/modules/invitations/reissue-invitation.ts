import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { issueLink } from './issue-link.js';
import {
  cancelOpenInvitations,
  findLinkMembershipId,
  latestLinkKind,
  lockMembershipForLink,
} from './repository.js';

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
    'membershipId' in target ? target.membershipId : await findLinkMembershipId(trx, target.invitationId);
  if (!membershipId) throw notFound();
  const row = await lockMembershipForLink(trx, membershipId);
  if (!row) throw notFound();
  if (row.status !== 'invited') throw new AppError(409, 'not_invited');
  // The kind of the previous link decides the next: an admin-added user keeps the identity check.
  const tenantId = row.organizationKind === 'operator' ? null : row.tenant_id;
  const scope = { organizationId: row.organizationId, tenantId };
  const previousKind = await latestLinkKind(trx, scope, membershipId);
  await cancelOpenInvitations(trx, scope, membershipId, deps.clock.now());
  const link = await issueLink(trx, deps, {
    organization: { id: row.organizationId, code: row.code, name: row.name, tenantId },
    kind: previousKind ?? 'activation',
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
