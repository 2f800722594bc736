import type { Db } from '../../db/pool.js';
import type { OrganizationScope } from '../../db/tenant-match.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assertRecentReauth } from '../mfa/reauth.js';
import { isAccountManagedBy } from './repository.js';

/**
 * Accounts are global, memberships belong to an organisation. Every account has one home
 * organisation: the one whose invitation created it (`users.home_organization_id`). The admins
 * of every organisation the person joined manage their membership (role, groups, comment,
 * status there); only the home organisation's admins manage the account itself — name, e-mail,
 * phones, language, time zone, second factors, passkeys, certificates, lockout and password —
 * and the person does on the account page, with re-authentication. Joining another organisation
 * changes nothing of that: no organisation can change, reset or weaken the account for the
 * others, and the strictest policy among the person's organisations still applies at sign-in.
 * An account whose home organisation was deleted is managed by the person alone.
 */
/** 409 `shared_account` unless the organisation manages the person's account (see above). */
export async function assertAccountManagedHere(trx: Db, scope: OrganizationScope, userId: string) {
  if (!(await isAccountManagedBy(trx, scope, userId))) throw new AppError(409, 'shared_account');
}

/** An admin's own account is changed on the account page, never in user administration. */
export function assertNotSelf(actor: Actor, userId: string): void {
  if (userId === actor.userId) throw new AppError(409, 'cannot_change_self');
}

/**
 * Sensitive actions (temporary password, second-factor reset, role change, unlock) need the
 * admin's password re-entered within the last minutes: 403 `reauth_required` otherwise.
 */
export function assertStepUp(deps: Pick<AppDeps, 'clock'>, trx: Db, actor: Actor): Promise<void> {
  return assertRecentReauth(trx, deps.clock.now(), actor.sessionId);
}

/**
 * The checks of an action on someone's account: not the admin's own, re-authenticated, and an
 * account this organisation manages (after the membership itself was found and locked).
 */
export async function assertAccountAction(
  deps: Pick<AppDeps, 'clock'>,
  trx: Db,
  actor: Actor,
  userId: string,
) {
  assertNotSelf(actor, userId);
  await assertStepUp(deps, trx, actor);
  await assertAccountManagedHere(trx, actor, userId);
}
