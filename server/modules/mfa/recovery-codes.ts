import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { hashCode, newRecoveryCode } from './codes.js';

export const RECOVERY_CODE_COUNT = 10;

export const recoveryCodeHash = (userId: string, code: string) =>
  hashCode(`recovery:${userId}`, code.trim().toLowerCase());

/** Replaces the user's recovery codes with 10 new ones (old ones stop working); returns them once. */
export async function replaceRecoveryCodes(trx: Db, clock: Clock, userId: string): Promise<string[]> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = clock.now();
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: recoveryCodeHash(userId, c), created_at: now })))
    .execute();
  return codes;
}
