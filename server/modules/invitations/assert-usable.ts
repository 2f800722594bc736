import { AppError } from '../../platform/errors.js';
import { invitationStatus } from './repository.js';

/** Why a link cannot be used, as the error its page shows; a used link wins over a later cancel. */
export function assertUsable<
  T extends { accepted_at: Date | null; expires_at: Date; cancelled_at: Date | null; user_id: string | null },
>(row: T | undefined, now: Date): T & { user_id: string } {
  if (!row) throw new AppError(404, 'invitation_not_found');
  const status = invitationStatus(row, now);
  if (status === 'accepted') throw new AppError(409, 'invitation_used');
  // A cancelled link may have lost its user (an invited account removed with it): still "cancelled".
  if (status === 'cancelled') throw new AppError(410, 'invitation_cancelled');
  if (status === 'expired') throw new AppError(410, 'invitation_expired');
  // Links from before accounts were created up front carry no user: nothing to complete.
  if (!row.user_id) throw new AppError(404, 'invitation_not_found');
  return row as T & { user_id: string };
}
