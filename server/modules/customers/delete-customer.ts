import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { PartnerActor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { deleteOrphanAccounts } from '../users/repository.js';
import { customerDeletionBlockers } from './deletion-blockers.js';
import { lockCustomer } from './repository.js';

/**
 * 顧客削除 (CU-5): refused with the reason while the customer has contracts or UTMs (409
 * `customer_has_contracts` / `customer_has_devices`). Otherwise the organisation goes with
 * everything that belongs to it (profile, memberships, invitations, groups, … by cascade), and so
 * do its login users that are left without any membership. Audited.
 */
export async function deleteCustomer(deps: AppDeps, actor: PartnerActor, customerId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const customer = await lockCustomer(trx, actor.tenantId, customerId);
    if (!customer) throw notFound();
    const blockers = await customerDeletionBlockers(trx, customerId);
    if (blockers.length > 0) throw new AppError(409, `customer_has_${blockers[0]}`);
    const members = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organization_id', '=', customerId)
      .execute();
    await trx.deleteFrom('organizations').where('id', '=', customerId).execute();
    const deletedUserIds = await deleteOrphanAccounts(
      trx,
      members.map((m) => m.user_id),
      { keepAccountsWithPassword: false },
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      tenantId: actor.tenantId,
      action: 'customer.delete',
      targetType: 'customer',
      targetId: customerId,
      ip: actor.ip,
      details: { code: customer.code, name: customer.name, deletedUserIds },
    });
  });
}
