import type { MfaMethod } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';

/**
 * After a factor was enrolled: the enrolment-only restriction ends, and a user without a method
 * gets `method` when given (so the next login asks for it).
 */
export async function markEnrolled(trx: Db, userId: string, method: MfaMethod | null): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      mfa_enrolment_required: false,
      ...(method ? { mfa_method: eb.fn.coalesce('mfa_method', eb.val<MfaMethod>(method)) } : {}),
    }))
    .where('id', '=', userId)
    .execute();
}
