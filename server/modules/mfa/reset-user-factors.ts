import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { assertAccountAction } from '../users/account-rules.js';
import { lockMember } from '../users/repository.js';
import { mfaResetMail } from './mails.js';

/**
 * 二要素認証のリセット (a lost device): an admin of the organisation that manages the account (not
 * their own, after re-authentication; see users/account-rules.ts) removes the user's
 * TOTP, passkeys, recovery codes and the verified-mobile flag (certificates stay), ends the
 * user's unfinished logins, records `user.mfa_reset` and mails the user — all in one transaction.
 */
export async function resetUserFactors(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  const { clock } = deps;
  await deps.db.transaction().execute(async (trx) => {
    await lockMember(trx, actor.organizationId, userId);
    await assertAccountAction(deps, trx, actor, userId);
    const user = await trx
      .updateTable('users')
      .set({
        totp_secret: null,
        totp_enrolled_at: null,
        totp_pending_secret: null,
        totp_pending_at: null,
        mobile_verified_at: null,
      })
      .where('id', '=', userId)
      .returning(['email', 'locale'])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('passkeys').where('user_id', '=', userId).execute();
    await trx
      .updateTable('login_attempts')
      .set({ consumed_at: clock.now() })
      .where('user_id', '=', userId)
      .where('consumed_at', 'is', null)
      .execute();
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
