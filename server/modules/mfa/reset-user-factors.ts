import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { assertAccountAction } from '../users/account-rules.js';
import { lockMember } from '../users/repository.js';
import { endUserAttempts } from './attempt-repository.js';
import { mfaResetMail } from './mails.js';
import { removeUserFactors } from './repository.js';

/**
 * 二要素認証のリセット (a lost device): an admin of the organisation that manages the account (not
 * their own, after re-authentication; see users/account-rules.ts) removes the user's
 * TOTP, passkeys, recovery codes and the verified-mobile flag (certificates stay), ends the
 * user's unfinished logins, records `user.mfa_reset` and mails the user — all in one transaction.
 */
export async function resetUserFactors(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  const { clock } = deps;
  await deps.db.transaction().execute(async (trx) => {
    await lockMember(trx, actor, userId);
    await assertAccountAction(deps, trx, actor, userId);
    const user = await removeUserFactors(trx, userId);
    await endUserAttempts(trx, userId, clock.now());
    await recordAudit(trx, clock, { ...actorAudit(actor, 'user', userId), action: 'user.mfa_reset' });
    await queueMail(trx, deps, {
      to: user.email,
      locale: user.locale,
      template: mfaResetMail,
      vars: { email: user.email, portalUrl: `${deps.config.publicUrl}/login` },
      tenantId: actor.tenantId,
    });
  });
}
