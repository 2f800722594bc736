import type { AppDeps } from '../../../deps.js';
import { recoveryCodeHash } from '../recovery-codes.js';
import { consumeRecoveryCode } from '../repository.js';
import type { VerifierAttempt } from './types.js';

/** Login step 'recovery': one of the user's unused recovery codes, used up at once. */
export async function verifyRecoveryStep(deps: AppDeps, attempt: VerifierAttempt, body: { code: string }) {
  return consumeRecoveryCode(
    deps.db,
    attempt.userId,
    recoveryCodeHash(attempt.userId, body.code),
    deps.clock.now(),
  );
}
