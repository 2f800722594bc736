import { type CustomerUserBody, customerUserName } from '../../../common/customer-users.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { createInvitation } from '../invitations/create-invitation.js';
import { customerOf, findUserCode, isCustomerMemberByEmail } from './repository.js';

/**
 * ユーザ作成 (CU-6): the login user (an existing account with that address is reused) becomes an
 * admin of the customer organisation, invited by an activation link whose mail is the tenant's
 * ポータルユーザ仮登録 template (through `issueLink`). 409 `already_member` when the address is
 * already a user of this customer, even one still invited.
 */
export async function createCustomerUser(
  deps: AppDeps,
  actor: PartnerActor,
  customerId: string,
  input: CustomerUserBody,
): Promise<{ id: string; code: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const customer = await customerOf(trx, actor.tenantId, customerId, true);
    // Already in the list (even still invited): the partner edits or deletes that user instead.
    if (await isCustomerMemberByEmail(trx, actor.tenantId, customerId, input.email))
      throw new AppError(409, 'already_member');
    const invitation = await createInvitation(trx, deps, {
      organization: {
        id: customer.id,
        code: customer.code,
        name: customer.name,
        tenantId: customer.tenantId,
      },
      email: input.email,
      role: 'admin',
      invitedBy: actor.userId,
      ip: actor.ip,
      kind: 'activation',
      profile: {
        name: customerUserName(input),
        familyName: input.familyName,
        givenName: input.givenName,
        mobile: input.mobile,
      },
    });
    const user = await findUserCode(trx, invitation.userId);
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', user.id),
      action: 'customer_user.create',
      details: { customerId, email: invitation.email },
    });
    return user;
  });
}
