import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { deleteOrphanAccounts } from '../users/repository.js';
import { customerDeletionBlockers } from './deletion-blockers.js';
import { customerMemberIds, deleteCustomerOrganization, lockCustomer } from './repository.js';

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
    const blockers = await customerDeletionBlockers(trx, actor.tenantId, customerId);
    if (blockers.length > 0) throw new AppError(409, `customer_has_${blockers[0]}`);
    const memberIds = await customerMemberIds(trx, actor.tenantId, customerId);
    await deleteCustomerOrganization(trx, actor.tenantId, customerId);
    const deletedUserIds = await deleteOrphanAccounts(trx, memberIds, { keepAccountsWithPassword: false });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'customer', customerId),
      action: 'customer.delete',
      details: { code: customer.code, name: customer.name, deletedUserIds },
    });
  });
}
