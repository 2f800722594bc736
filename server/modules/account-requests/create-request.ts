import type { AccountRequestBody } from '../../../common/certificates.js';
import { translate } from '../../../common/messages.js';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { Scope } from '../../platform/auth/scope.js';
import { AppError, notFound } from '../../platform/errors.js';
import { safeEqual } from '../../platform/tokens.js';
import { supportIdOf } from './support-id.js';

/**
 * アカウント手続きの申し込み (ID-16, `004 §3-4`, `§3-5`): a customer organisation's admin, quoting
 * the organisation's support ID, asks support to reset an admin's password or reissue an admin's
 * certificate. A wrong support ID is a field error; the target must be an active admin of the
 * organisation (another organisation's user is a 404).
 */
export async function createAccountRequest(
  deps: AppDeps,
  ctx: { scope: Scope; ip: string | null; locale: Locale },
  body: AccountRequestBody,
): Promise<{ id: string; status: 'received' }> {
  const { scope } = ctx;
  const supportId = await supportIdOf(deps.db, scope.organizationId);
  if (!safeEqual(supportId, body.supportId))
    throw new AppError(400, 'validation', { supportId: [translate(ctx.locale, 'validation.supportId')] });
  const targetUserId = body.targetUserId ?? scope.userId;
  const target = await deps.db
    .selectFrom('memberships')
    .select(['role', 'status'])
    .where('organization_id', '=', scope.organizationId)
    .where('user_id', '=', targetUserId)
    .executeTakeFirst();
  if (!target) throw notFound();
  if (target.role !== 'admin' || target.status !== 'active') throw new AppError(409, 'not_admin');
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('account_requests')
      .values({
        organization_id: scope.organizationId,
        tenant_id: scope.tenantId,
        kind: body.kind,
        requested_by: scope.userId,
        target_user_id: targetUserId,
        created_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock, {
      actorUserId: scope.userId,
      organizationId: scope.organizationId,
      tenantId: scope.tenantId,
      action: 'account_request.create',
      targetType: 'user',
      targetId: targetUserId,
      ip: ctx.ip,
      details: { requestId: row.id, kind: body.kind },
    });
    return { id: row.id, status: 'received' as const };
  });
}
