import type { Db } from '../../db/pool.js';
import { factorCounts } from './repository.js';

export type EnrolledFactors = {
  totpEnrolledAt: Date | null;
  /** The mobile number once verified by SMS code, else null. */
  verifiedMobile: string | null;
  passkeys: number;
  certificates: number;
  recoveryCodesLeft: number;
};

/** What second factors the user holds now (certificates: unrevoked and unexpired). */
export async function enrolledFactors(db: Db, userId: string, now: Date): Promise<EnrolledFactors> {
  const row = await factorCounts(db, userId, now);
  return {
    totpEnrolledAt: row.totp_secret ? row.totp_enrolled_at : null,
    verifiedMobile: row.mobile && row.mobile_verified_at ? row.mobile : null,
    passkeys: Number(row.passkeys ?? 0),
    certificates: Number(row.certificates ?? 0),
    recoveryCodesLeft: Number(row.recovery ?? 0),
  };
}
