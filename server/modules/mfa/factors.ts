import type { Db } from '../../db/pool.js';

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
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      'users.totp_enrolled_at',
      'users.totp_secret',
      'users.mobile',
      'users.mobile_verified_at',
      eb
        .selectFrom('passkeys')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('passkeys.user_id', '=', 'users.id')
        .as('passkeys'),
      eb
        .selectFrom('certificates')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('certificates.user_id', '=', 'users.id')
        .where('certificates.revoked_at', 'is', null)
        .where('certificates.not_after', '>', now)
        .as('certificates'),
      eb
        .selectFrom('recovery_codes')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('recovery_codes.user_id', '=', 'users.id')
        .where('recovery_codes.used_at', 'is', null)
        .as('recovery'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    totpEnrolledAt: row.totp_secret ? row.totp_enrolled_at : null,
    verifiedMobile: row.mobile && row.mobile_verified_at ? row.mobile : null,
    passkeys: Number(row.passkeys ?? 0),
    certificates: Number(row.certificates ?? 0),
    recoveryCodesLeft: Number(row.recovery ?? 0),
  };
}
