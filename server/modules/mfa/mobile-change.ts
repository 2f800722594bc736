import type { Db } from '../../db/pool.js';

/**
 * Before a user's mobile number is changed (profile, admin edit): a different number is not
 * verified, so SMS codes never go to a number nobody confirmed. Call before the update.
 */
export async function forgetVerificationIfChanged(
  trx: Db,
  userId: string,
  mobile: string | null,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ mobile_verified_at: null })
    .where('id', '=', userId)
    .where((eb) => eb(eb.ref('mobile'), 'is distinct from', mobile))
    .execute();
}
