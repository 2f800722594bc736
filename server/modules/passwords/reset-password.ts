import type { PasswordPolicy } from '../../../common/password-policy.js';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { hashPassword } from '../../platform/passwords.js';
import { assertAcceptablePassword } from './check-new-password.js';
import { passwordChangedMail } from './mails.js';
import { organizationsOfUser, passwordPolicyFor } from './policy-repository.js';
import { assertResetUsable, findResetByToken, markResetsUsed } from './reset-repository.js';
import { setPassword } from './set-password.js';

/** What the reset page shows (GET): the account and the rules the new password must meet. Does not use up the link. */
export async function showPasswordReset(
  deps: AppDeps,
  token: string,
): Promise<{ email: string; expiresAt: Date; passwordPolicy: PasswordPolicy }> {
  const row = assertResetUsable(await findResetByToken(deps.db, token), deps.clock.now());
  const passwordPolicy = await passwordPolicyFor(deps.db, await organizationsOfUser(deps.db, row.user_id));
  return { email: row.email, expiresAt: row.expires_at, passwordPolicy };
}

type ResetInput = { token: string; password: string; ip: string | null; locale: Locale };

/**
 * Sets the new password from a reset link (ID-10), once: the link row is locked, checked and
 * marked used with every other open link of the user. The new password meets the policy and
 * history; the account is unlocked and every session ends; the owner is told by mail.
 */
export async function resetPassword(deps: AppDeps, input: ResetInput): Promise<void> {
  const { db, clock } = deps;
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const now = clock.now();
    const reset = assertResetUsable(await findResetByToken(trx, input.token, true), now);
    await assertAcceptablePassword(trx, {
      password: input.password,
      email: reset.email,
      name: reset.name,
      organizationIds: await organizationsOfUser(trx, reset.user_id),
      userId: reset.user_id,
      locale: input.locale,
      field: 'password',
    });
    await setPassword(trx, clock, { userId: reset.user_id, passwordHash, keepSessionId: null });
    await markResetsUsed(trx, reset.user_id, now);
    const wasLocked = reset.locked_until !== null && reset.locked_until > now;
    await recordAudit(trx, clock, {
      actorUserId: reset.user_id,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: reset.user_id,
      ip: input.ip,
      details: { resetId: reset.id },
    });
    if (wasLocked) {
      await recordAudit(trx, clock, {
        actorUserId: reset.user_id,
        action: 'user.unlock',
        targetType: 'user',
        targetId: reset.user_id,
        ip: input.ip,
        details: { via: 'password_reset' },
      });
    }
    await queueMail(trx, deps, {
      to: reset.email,
      locale: reset.locale,
      template: passwordChangedMail,
      vars: {
        email: reset.email,
        changedAt: formatDateTime(now, reset.locale, reset.time_zone),
        portalUrl: `${deps.config.publicUrl}/login`,
      },
    });
  });
}
