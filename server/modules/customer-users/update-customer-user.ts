import { type CustomerUserBody, customerUserName } from '../../../common/customer-users.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { reissueInvitation } from '../invitations/reissue-invitation.js';
import { forgetVerificationIfChanged } from '../mfa/repository.js';
import { updateAccount } from '../users/repository.js';
import {
  belongsElsewhere,
  customerOf,
  findCustomerUser,
  isEmailTakenByAnother,
  lockCustomerMembership,
} from './repository.js';

/**
 * ユーザ編集 (CU-6): name, e-mail and mobile of a login user of the customer. At least one change
 * (400 `no_changes`). The account must belong to this customer only (409 `shared_account`), so a
 * tenant never changes how someone signs in elsewhere; another account's address is 409
 * `email_in_use`. A still-invited user gets a fresh link at the new address.
 */
export async function updateCustomerUser(
  deps: AppDeps,
  actor: PartnerActor,
  customerId: string,
  userId: string,
  input: CustomerUserBody,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await customerOf(trx, actor.tenantId, customerId, true);
    const membership = await lockCustomerMembership(trx, actor.tenantId, customerId, userId);
    const current = await findCustomerUser(trx, actor.tenantId, customerId, userId, deps.clock.now());
    const changed = (Object.keys(input) as (keyof CustomerUserBody)[]).filter(
      (k) => (input[k] ?? null) !== (current[k] ?? null),
    );
    if (changed.length === 0) throw new AppError(400, 'no_changes');
    if (await belongsElsewhere(trx, userId, customerId)) throw new AppError(409, 'shared_account');
    const emailChanged = input.email.toLowerCase() !== current.email.toLowerCase();
    if (emailChanged && (await isEmailTakenByAnother(trx, input.email, userId))) {
      throw new AppError(409, 'email_in_use');
    }
    await forgetVerificationIfChanged(trx, userId, input.mobile);
    await updateAccount(trx, userId, {
      family_name: input.familyName,
      given_name: input.givenName,
      name: customerUserName(input),
      email: input.email,
      mobile: input.mobile,
    });
    if (emailChanged && membership.status === 'invited') {
      await reissueInvitation(trx, deps, {
        membershipId: membership.id,
        actorUserId: actor.userId,
        ip: actor.ip,
      });
    }
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'customer_user.update',
      details: { customerId, fields: changed },
    });
  });
}
