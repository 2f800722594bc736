import { mfaMaxSends, mfaResendSeconds } from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { endMobileCodes, mobileCodesSentSince } from './attempt-repository.js';
import { CODE_MINUTES } from './codes.js';
import { lockUserForMobileCheck } from './repository.js';
import { sendCode } from './send-code.js';

/**
 * 携帯電話番号の確認 (`000 §12–§14`): sends a 6-digit code by SMS to the number (after
 * re-authentication); the number becomes the user's verified mobile only once the code comes
 * back. The earlier code stops working; 30 s between sends, at most 5 in 10 minutes (429).
 */
export async function startMobileVerification(
  deps: AppDeps,
  input: { userId: string; mobile: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const user = await lockUserForMobileCheck(trx, input.userId);
    const recent = await mobileCodesSentSince(
      trx,
      input.userId,
      new Date(now.getTime() - CODE_MINUTES * 60_000),
    );
    const last = recent[0];
    if (recent.length >= mfaMaxSends || (last && now.getTime() - last.getTime() < mfaResendSeconds * 1000))
      throw new AppError(429, 'code_resend_limited');
    await endMobileCodes(trx, input.userId, now);
    await sendCode(trx, deps, {
      purpose: 'mobile',
      userId: input.userId,
      channel: 'sms',
      to: input.mobile,
      email: user.email,
      locale: user.locale,
    });
  });
}
