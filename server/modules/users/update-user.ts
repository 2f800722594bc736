import type { UpdateUserBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { forgetVerificationIfChanged } from '../mfa/mobile-change.js';
import { type AdminContext, auditBase } from './context.js';
import { lockMembership, replaceUserGroups } from './repository.js';
import { assertRoleFits } from './role-rules.js';

/**
 * ユーザー編集: profile fields live on the user, role and comment on the membership, groups in
 * this organisation's groups. An admin cannot change their own role (409 `cannot_change_self`):
 * an organisation must not lose its last admin by accident.
 */
export async function updateUser(
  deps: AppDeps,
  ctx: AdminContext,
  userId: string,
  body: UpdateUserBody,
): Promise<void> {
  const { scope } = ctx;
  if (body.role) assertRoleFits(scope.kind, body.role, ctx.locale);
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockMembership(trx, scope.organizationId, userId);
    if (userId === scope.userId && body.role && body.role !== membership.role) {
      throw new AppError(409, 'cannot_change_self');
    }
    const profile = {
      name: body.name,
      title: body.title,
      phone: body.phone,
      mobile: body.mobile,
      locale: body.locale,
      time_zone: body.timeZone,
      mfa_method: body.mfaMethod,
    };
    if (body.mobile !== undefined) await forgetVerificationIfChanged(trx, userId, body.mobile);
    const userChanges = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined));
    if (Object.keys(userChanges).length > 0)
      await trx.updateTable('users').set(userChanges).where('id', '=', userId).execute();
    const membershipChanges = Object.fromEntries(
      Object.entries({ role: body.role, comment: body.comment }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(membershipChanges).length > 0)
      await trx.updateTable('memberships').set(membershipChanges).where('id', '=', membership.id).execute();
    if (body.groupIds) await replaceUserGroups(trx, scope.organizationId, userId, body.groupIds);
    await recordAudit(trx, deps.clock, {
      ...auditBase(ctx, userId),
      action: 'user.update',
      details: { fields: Object.keys(body).filter((k) => body[k as keyof UpdateUserBody] !== undefined) },
    });
  });
}
