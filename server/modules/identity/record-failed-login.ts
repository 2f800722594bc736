import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { lockoutPolicyForUser } from '../passwords/policy-repository.js';
import { lockoutMail } from './mails.js';
import { commitWithoutWaitingForDisk, countFailedLogin } from './repository.js';

type FailedLogin = { userId: string; email: string; locale: 'ja' | 'en'; ip: string | null };

/**
 * Counts one wrong password, atomically in the user's row so parallel attempts cannot pass the
 * limit. The attempt that reaches the threshold locks the account, and only that one sends the
 * lockout notice and writes the audit event. Attempts while locked are not counted.
 */
export async function recordFailedLogin(deps: AppDeps, input: FailedLogin): Promise<void> {
  const { db, clock } = deps;
  const policy = await lockoutPolicyForUser(db, input.userId);
  await db.transaction().execute(async (trx) => {
    const now = clock.now();
    const lockUntil = new Date(now.getTime() + policy.minutes * 60_000);
    const row = await countFailedLogin(trx, input.userId, now, { threshold: policy.threshold, lockUntil });
    if (!row?.locked_until) {
      // A counted attempt need not wait for its write to reach the disk: otherwise that wait alone
      // would tell a wrong password from an unknown address (whose UPDATE matches no row). A crash
      // may lose the last counts; the attempt that locks is committed as usual.
      await commitWithoutWaitingForDisk(trx);
      return;
    }
    await queueMail(trx, deps, {
      to: input.email,
      locale: input.locale,
      template: lockoutMail,
      vars: { email: input.email, portalUrl: `${deps.config.publicUrl}/login`, minutes: policy.minutes },
    });
    await recordAudit(trx, clock, {
      actorUserId: null,
      action: 'user.lock',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
      details: { failedAttempts: row.failed_login_count, lockedUntil: row.locked_until },
    });
  });
}
