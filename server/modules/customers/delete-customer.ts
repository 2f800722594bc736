import { sql } from 'kysely';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { PartnerContext } from './context.js';
import { customerDeletionBlockers } from './deletion-blockers.js';
import { lockCustomer } from './repository.js';

/**
 * 顧客削除 (CU-5): refused with the reason while the customer has contracts or UTMs (409
 * `customer_has_contracts` / `customer_has_devices`). Otherwise the organisation goes with
 * everything that belongs to it (profile, memberships, invitations, groups, … by cascade), and so
 * do its login users that are left without any membership. Audited.
 */
export async function deleteCustomer(deps: AppDeps, ctx: PartnerContext, customerId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const customer = await lockCustomer(trx, ctx.tenantId, customerId);
    if (!customer) throw notFound();
    const blockers = await customerDeletionBlockers(trx, customerId);
    if (blockers.length > 0) throw new AppError(409, `customer_has_${blockers[0]}`);
    const members = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organization_id', '=', customerId)
      .execute();
    await trx.deleteFrom('organizations').where('id', '=', customerId).execute();
    const userIds = members.map((m) => m.user_id);
    const deletedUsers =
      userIds.length === 0
        ? []
        : await trx
            .deleteFrom('users')
            .where('id', 'in', userIds)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('memberships as m')
                    .select(sql`1`.as('x'))
                    .whereRef('m.user_id', '=', 'users.id'),
                ),
              ),
            )
            .returning('id')
            .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: ctx.userId,
      organizationId: ctx.organizationId,
      tenantId: ctx.tenantId,
      action: 'customer.delete',
      targetType: 'customer',
      targetId: customerId,
      ip: ctx.ip,
      details: { code: customer.code, name: customer.name, deletedUserIds: deletedUsers.map((u) => u.id) },
    });
  });
}
