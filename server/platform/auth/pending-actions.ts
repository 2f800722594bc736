import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/pool.js';

/** What a signed-in user must do before any portal answers: change a temporary password, accept new terms. */
export type PendingAction = 'changePassword' | 'enrolMfa' | 'acceptTerms';

/** The columns a user's pending actions follow from (the auth plugin reads them with the session). */
export type PendingFlags = {
  must_change_password: boolean;
  mfa_enrolment_required: boolean;
  terms_pending: boolean;
};

/**
 * Whether terms are in force that the user (`userId`, a column reference or value) has not
 * accepted: the newest version (its unique index, backwards) and one primary-key probe.
 */
export const termsPending = (userId: RawBuilder<unknown>) =>
  sql<boolean>`coalesce((
    SELECT NOT EXISTS (
      SELECT 1 FROM terms_acceptances ta WHERE ta.user_id = ${userId} AND ta.terms_version_id = tv.id)
    FROM terms_versions tv ORDER BY tv.version DESC LIMIT 1), false)`;

/** The pending actions, in the order the browser walks them (password first, then terms). */
export function pendingFrom(row: PendingFlags): PendingAction[] {
  const pending: PendingAction[] = [];
  if (row.must_change_password) pending.push('changePassword');
  // 2FA is required but no factor is held: only the enrolment pages work (ID-4, ID-5).
  if (row.mfa_enrolment_required) pending.push('enrolMfa');
  if (row.terms_pending) pending.push('acceptTerms');
  return pending;
}

/** The user's pending actions (one statement). */
export async function pendingActionsOf(db: Db, userId: string): Promise<PendingAction[]> {
  const row = await db
    .selectFrom('users')
    .select([
      'must_change_password',
      'mfa_enrolment_required',
      termsPending(sql.ref('users.id')).as('terms_pending'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? pendingFrom(row) : [];
}
