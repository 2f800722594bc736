import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { hashCode, newRecoveryCode } from './codes.js';
import { replaceRecoveryCodeHashes } from './repository.js';

export const RECOVERY_CODE_COUNT = 10;

export const recoveryCodeHash = (userId: string, code: string) =>
  hashCode(`recovery:${userId}`, code.trim().toLowerCase());

/** Replaces the user's recovery codes with 10 new ones (old ones stop working); returns them once. */
export async function replaceRecoveryCodes(trx: Db, clock: Clock, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = codes.map((c) => recoveryCodeHash(userId, c));
  await replaceRecoveryCodeHashes(trx, userId, hashes, clock.now());
  return codes;
}
