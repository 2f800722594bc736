import {
  activationAcceptBody,
  existingAccountAcceptBody,
  signupAcceptBody,
} from '../../../common/accounts.js';
import { translate } from '../../../common/messages.js';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { parseOrThrow } from '../../platform/validate.js';
import { assertAcceptablePassword } from '../passwords/check-new-password.js';
import { setPassword } from '../passwords/set-password.js';
import { updateAccount } from '../users/repository.js';
import { assertUsable } from './assert-usable.js';
import {
  activateInvitedMembership,
  findInvitationByToken,
  findInvitedUser,
  markLinkAccepted,
  scopeOfInvitation,
} from './repository.js';
import { verifyIdentity } from './verify-identity.js';

type AcceptInput = { token: string; body: unknown; ip: string | null; locale: Locale };

/** Profile fields the sign-up form fills (`001 §2.2`); the activation form only the name, if blank. */
type ProfileUpdate = {
  name?: string;
  company?: string | null;
  department?: string | null;
  phone?: string | null;
  note?: string | null;
};

/** What the body of a link must be: decided by the link's kind and whether the account exists. */
async function readBody(deps: AppDeps, input: AcceptInput) {
  const { db, clock } = deps;
  const invitation = assertUsable(await findInvitationByToken(db, input.token), clock.now());
  const user = await findInvitedUser(db, invitation.user_id);
  if (!user) throw new AppError(404, 'invitation_not_found');
  if (user.password_hash) {
    const body = parseOrThrow(existingAccountAcceptBody, input.body, input.locale);
    return { user, password: body.password, existing: true, profile: {} as ProfileUpdate };
  }
  let profile: ProfileUpdate;
  let password: string;
  if (invitation.kind === 'signup') {
    const {
      password: pw,
      passwordConfirm: _,
      ...fields
    } = parseOrThrow(signupAcceptBody, input.body, input.locale);
    password = pw;
    profile = fields;
  } else {
    const body = parseOrThrow(activationAcceptBody, input.body, input.locale);
    await verifyIdentity(deps, { token: input.token, claim: body, ip: input.ip });
    password = body.password;
    profile = user.name.trim() === '' ? { name: body.name } : {};
  }
  await assertAcceptablePassword(db, {
    password,
    email: user.email,
    name: profile.name ?? user.name,
    organizationIds: [invitation.organization_id],
    locale: input.locale,
    field: 'password',
  });
  return { user, password, existing: false, profile };
}

/**
 * Completes a registration from an invitation link: sign-up (`001 §2.2`), activation after the
 * identity check (`002` ①②), or joining with an existing account's password. The membership
 * becomes active and the link is consumed in one transaction, with the invitation row locked
 * against a double submit. Answers the name and address the completion page shows.
 */
export async function acceptInvitation(
  deps: AppDeps,
  input: AcceptInput,
): Promise<{ name: string; email: string }> {
  const { db, clock } = deps;
  const { user, password, existing, profile } = await readBody(deps, input);
  // Hashing is slow on purpose: done before the row lock is taken.
  const newHash = existing ? null : await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const invitation = assertUsable(await findInvitationByToken(trx, input.token, true), now);
    const account = await findInvitedUser(trx, invitation.user_id);
    if (!account || account.id !== user.id) throw new AppError(404, 'invitation_not_found');
    if (newHash === null) {
      if (!(await verifyPassword(account.password_hash, password))) {
        throw new AppError(400, 'validation', {
          password: [translate(input.locale, 'validation.existingPasswordWrong')],
        });
      }
    } else {
      // Another link of the same account may have set a password meanwhile: that one stands.
      if (account.password_hash) throw new AppError(409, 'invitation_used');
      if (Object.keys(profile).length > 0) await updateAccount(trx, account.id, profile);
      await setPassword(trx, clock, { userId: account.id, passwordHash: newHash });
    }
    const scope = scopeOfInvitation(invitation);
    await activateInvitedMembership(trx, scope, invitation.membership_id!);
    await markLinkAccepted(trx, scope, invitation.id, { userId: account.id, at: now });
    await recordAudit(trx, clock, {
      actorUserId: account.id,
      organizationId: invitation.organization_id,
      tenantId: invitation.tenant_id,
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: invitation.id,
      ip: input.ip,
    });
    return { name: profile.name ?? account.name, email: account.email };
  });
}
