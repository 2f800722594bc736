import type { AddUserBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { createInvitation } from '../invitations/create-invitation.js';
import { findOrganization, isMemberByEmail, replaceUserGroups, updateAccount } from './repository.js';
import { assertRoleFits } from './role-rules.js';

/**
 * ユーザー追加 (`002`): an invited membership and the activation mail (開通案内, 7 days) in one
 * transaction. A new address gets an account without a password, with the profile and the
 * second-factor method typed here; an address that already has an account gets only the
 * invitation to join (its account is left exactly as it is). The answer is the same for both:
 * the new membership's ID, nothing of the account. Any membership of the address in this
 * organisation — active, disabled or still invited — is a 409 `already_member`.
 */
export async function addUser(
  deps: AppDeps,
  actor: Actor,
  body: AddUserBody,
): Promise<{ memberId: string; status: 'invited' }> {
  assertRoleFits(actor.kind, body.role, actor.locale);
  return deps.db.transaction().execute(async (trx) => {
    if (await isMemberByEmail(trx, actor, body.email)) throw new AppError(409, 'already_member');
    const organization = await findOrganization(trx, actor);
    const invitation = await createInvitation(trx, deps, {
      organization: { ...organization, tenantId: actor.tenantId },
      email: body.email,
      role: body.role,
      invitedBy: actor.userId,
      ip: actor.ip,
      kind: 'activation',
      profile: {
        name: body.name,
        title: body.title,
        phone: body.phone,
        mobile: body.mobile,
        locale: body.locale,
        timeZone: body.timeZone,
      },
      comment: body.comment,
    });
    if (body.groupIds) await replaceUserGroups(trx, actor, invitation.userId, body.groupIds);
    if (body.mfaMethod !== undefined && invitation.newAccount)
      await updateAccount(trx, invitation.userId, { mfa_method: body.mfaMethod });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', invitation.userId),
      action: 'user.add',
      details: { email: body.email, role: body.role },
    });
    return { memberId: invitation.membershipId, status: 'invited' as const };
  });
}
