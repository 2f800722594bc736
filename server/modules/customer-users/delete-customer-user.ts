import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { cancelOpenInvitations } from '../invitations/repository.js';
import { deleteOrphanAccounts } from '../users/repository.js';
import { customerOf, lockAccount, lockCustomerMembership, removeCustomerMembership } from './repository.js';

/**
 * ユーザ削除 (CU-6): the membership in the customer goes (its open links stop working and keep
 * answering "cancelled"), and the account too when it belongs nowhere else.
 */
export async function deleteCustomerUser(
  deps: AppDeps,
  actor: PartnerActor,
  customerId: string,
  userId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await customerOf(trx, actor.tenantId, customerId, true);
    const membership = await lockCustomerMembership(trx, actor.tenantId, customerId, userId);
    const user = await lockAccount(trx, userId);
    await cancelOpenInvitations(
      trx,
      { tenantId: actor.tenantId, organizationId: customerId },
      membership.id,
      deps.clock.now(),
    );
    await removeCustomerMembership(trx, actor.tenantId, customerId, membership.id);
    const deleted = await deleteOrphanAccounts(trx, [userId], { keepAccountsWithPassword: false });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'customer_user.delete',
      details: { customerId, code: user.code, email: user.email, userDeleted: deleted.length > 0 },
    });
  });
}
