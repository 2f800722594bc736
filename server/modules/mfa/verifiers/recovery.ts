import type { AppDeps } from '../../../deps.js';
import { recoveryCodeHash } from '../recovery-codes.js';
import type { VerifierAttempt } from './types.js';

/** Login step 'recovery': one of the user's unused recovery codes, used up at once. */
export async function verifyRecoveryStep(deps: AppDeps, attempt: VerifierAttempt, body: { code: string }) {
  const row = await deps.db
    .updateTable('recovery_codes')
    .set({ used_at: deps.clock.now() })
    .where('user_id', '=', attempt.userId)
    .where('code_hash', '=', recoveryCodeHash(attempt.userId, body.code))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
