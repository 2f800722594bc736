import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { countWrongMobileCode } from './attempt-repository.js';
import { markEnrolled, setVerifiedMobile } from './repository.js';
import { takeCode } from './send-code.js';

const MAX_WRONG = 5;

/**
 * The SMS code comes back: the number it was sent to becomes the user's verified mobile. A
 * wrong, expired or used code is 400 invalid_code and changes nothing but the code's failure
 * count (5 wrong answers end that code).
 */
export async function confirmMobile(
  deps: AppDeps,
  input: { userId: string; code: string; ip: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const confirmed = await deps.db.transaction().execute(async (trx) => {
    const taken = await takeCode(trx, now, {
      purpose: 'mobile',
      userId: input.userId,
      channel: 'sms',
      code: input.code,
    });
    if (!taken) {
      await countWrongMobileCode(trx, input.userId, now, MAX_WRONG);
      return false;
    }
    await setVerifiedMobile(trx, input.userId, taken.recipient, now);
    await markEnrolled(trx, input.userId, null);
    await recordAudit(trx, deps.clock, {
      actorUserId: input.userId,
      action: 'user.mobile_verified',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
    });
    return true;
  });
  if (!confirmed) throw new AppError(400, 'invalid_code');
}
