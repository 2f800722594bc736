import type { UpdateUserBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { forgetVerificationIfChanged } from '../mfa/repository.js';
import { assertAccountManagedHere, assertNotSelf, assertStepUp } from './account-rules.js';
import { lockMember, replaceUserGroups, updateAccount, updateMembership } from './repository.js';
import { assertRoleFits } from './role-rules.js';

const definedOnly = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/**
 * ユーザー編集. Role, comment and groups belong to the membership here; a role change needs the
 * admin's password again and is never the admin's own (an organisation must not lose its last
 * admin by accident). Name, phones, language, time zone and second-factor method belong to the
 * account: only an organisation that manages it may change them (409 `shared_account`), and
 * never for the admin's own account (the account page does that).
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  body: UpdateUserBody,
): Promise<void> {
  if (body.role) assertRoleFits(actor.kind, body.role, actor.locale);
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockMember(trx, actor, userId);
    const account = definedOnly({
      name: body.name,
      title: body.title,
      phone: body.phone,
      mobile: body.mobile,
      locale: body.locale,
      time_zone: body.timeZone,
      mfa_method: body.mfaMethod,
    });
    const roleChange = body.role !== undefined && body.role !== membership.role;
    if (roleChange || Object.keys(account).length > 0) assertNotSelf(actor, userId);
    if (roleChange) await assertStepUp(deps, trx, actor);
    if (Object.keys(account).length > 0) {
      await assertAccountManagedHere(trx, actor, userId);
      if (body.mobile !== undefined) await forgetVerificationIfChanged(trx, userId, body.mobile);
      await updateAccount(trx, userId, account);
    }
    const membershipChanges = definedOnly({ role: body.role, comment: body.comment });
    if (Object.keys(membershipChanges).length > 0)
      await updateMembership(trx, actor, membership.id, membershipChanges);
    if (body.groupIds) await replaceUserGroups(trx, actor, userId, body.groupIds);
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'user.update',
      details: { fields: Object.keys(body).filter((k) => body[k as keyof UpdateUserBody] !== undefined) },
    });
  });
}
