import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { activateTotp, lockPendingTotp, markEnrolled } from './repository.js';
import { acceptTotp } from './totp.js';

/** A pending secret must be confirmed within this many minutes of the setup. */
const PENDING_MINUTES = 15;

/**
 * Completes TOTP pairing with a valid code of the pending secret (±1 step; the code's step is
 * remembered, so it cannot sign in afterwards): the secret becomes the user's, 10 new recovery
 * codes are issued and returned once. A wrong code is 400 invalid_code and changes nothing.
 */
export async function confirmTotp(
  deps: AppDeps,
  input: { userId: string; code: string; ip: string | null },
): Promise<string[]> {
  const { clock } = deps;
  return deps.db.transaction().execute(async (trx) => {
    const now = clock.now();
    const user = await lockPendingTotp(trx, input.userId);
    const secret = user.totp_pending_secret;
    const fresh =
      user.totp_pending_at && now.getTime() - user.totp_pending_at.getTime() <= PENDING_MINUTES * 60_000;
    if (
      !secret ||
      !fresh ||
      !(await acceptTotp(trx, { userId: input.userId, secret, code: input.code, now }))
    )
      throw new AppError(400, 'invalid_code');
    await activateTotp(trx, input.userId, secret, now);
    await markEnrolled(trx, input.userId, 'totp');
    const codes = await replaceRecoveryCodes(trx, clock, input.userId);
    await recordAudit(trx, clock, {
      actorUserId: input.userId,
      action: 'user.mfa_enrol',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
      details: { method: 'totp' },
    });
    return codes;
  });
}
