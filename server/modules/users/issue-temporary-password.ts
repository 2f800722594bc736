import { randomInt } from 'node:crypto';
import { PASSWORD_SYMBOLS } from '../../../common/password-policy.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { organizationsOfUser, passwordPolicyFor } from '../passwords/policy-repository.js';
import { setPassword } from '../passwords/set-password.js';
import { assertAccountAction } from './account-rules.js';
import { lockMember } from './repository.js';

const classes = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_!#%+=?@'];

/** A random password with every character class, at least 16 long (or the policy's minimum). */
export function generateTemporaryPassword(length: number): string {
  const all = classes.join('');
  const chars = classes.map((c) => c[randomInt(c.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
// The symbols used are a subset of the manual's set, so the standard policy accepts them.
if ([...classes[3]!].some((c) => !PASSWORD_SYMBOLS.includes(c))) throw new Error('symbol outside the set');

/**
 * 仮パスワード発行: a random password shown once to the admin; the user must change it at the
 * next sign-in (must_change_password), every session of the user ends, any lock is cleared.
 * Only for an account this organisation manages, never the admin's own, after re-authentication.
 */
export async function issueTemporaryPassword(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<{ temporaryPassword: string }> {
  const policy = await passwordPolicyFor(deps.db, await organizationsOfUser(deps.db, userId));
  const temporaryPassword = generateTemporaryPassword(Math.max(16, policy.minLength));
  const passwordHash = await hashPassword(temporaryPassword);
  await deps.db.transaction().execute(async (trx) => {
    const membership = await lockMember(trx, actor, userId);
    await assertAccountAction(deps, trx, actor, userId);
    if (membership.status !== 'active') throw new AppError(409, 'not_active');
    await setPassword(trx, deps.clock, { userId, passwordHash, mustChange: true });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'user', userId),
      action: 'user.temporary_password',
    });
  });
  return { temporaryPassword };
}
