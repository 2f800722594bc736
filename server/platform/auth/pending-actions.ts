import type { Db } from '../../db/pool.js';

/** What a signed-in user must do before any portal answers: change a temporary password, accept new terms. */
export type PendingAction = 'changePassword' | 'enrolMfa' | 'acceptTerms';

/** The user's pending actions, in the order the browser walks them (password first, then terms). */
export async function pendingActionsOf(db: Db, userId: string): Promise<PendingAction[]> {
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      'users.must_change_password',
      'users.mfa_enrolment_required',
      eb
        .selectFrom('terms_acceptances as ta')
        .innerJoin('terms_versions as tv', 'tv.id', 'ta.terms_version_id')
        .select((e) => e.fn.max('tv.version').as('v'))
        .whereRef('ta.user_id', '=', 'users.id')
        .as('accepted_version'),
      eb
        .selectFrom('terms_versions')
        .select((e) => e.fn.max('version').as('v'))
        .as('current_version'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return [];
  const pending: PendingAction[] = [];
  if (row.must_change_password) pending.push('changePassword');
  // 2FA is required but no factor is held: only the enrolment pages work (ID-4, ID-5).
  if (row.mfa_enrolment_required) pending.push('enrolMfa');
  if (row.current_version !== null && row.current_version !== row.accepted_version)
    pending.push('acceptTerms');
  return pending;
}
