import type { AccountRequestBody } from '../../../common/certificates.js';
import { translate } from '../../../common/messages.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { safeEqual } from '../../platform/tokens.js';
import { findMembershipIn, insertAccountRequest } from './repository.js';
import { supportIdOf } from './support-id.js';

/**
 * アカウント手続きの申し込み (ID-16, `004 §3-4`, `§3-5`): a customer organisation's admin, quoting
 * the organisation's support ID, asks support to reset an admin's password or reissue an admin's
 * certificate. A wrong support ID is a field error; the target must be an active admin of the
 * organisation (another organisation's user is a 404).
 */
export async function createAccountRequest(
  deps: AppDeps,
  actor: Actor,
  body: AccountRequestBody,
): Promise<{ id: string; status: 'received' }> {
  const supportId = await supportIdOf(deps.db, actor);
  if (!safeEqual(supportId, body.supportId))
    throw new AppError(400, 'validation', { supportId: [translate(actor.locale, 'validation.supportId')] });
  const targetUserId = body.targetUserId ?? actor.userId;
  const target = await findMembershipIn(deps.db, actor, targetUserId);
  if (!target) throw notFound();
  if (target.role !== 'admin' || target.status !== 'active') throw new AppError(409, 'not_admin');
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertAccountRequest(trx, actor, {
      kind: body.kind,
      requestedBy: actor.userId,
      targetUserId,
      createdAt: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', targetUserId),
      action: 'account_request.create',
      details: { requestId: id, kind: body.kind },
    });
    return { id, status: 'received' as const };
  });
}
