import type { IdentityCheckBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { assertUsable } from './assert-usable.js';
import { identityMatches } from './identity-matches.js';
import {
  findInvitationByToken,
  findInvitedUser,
  recordFailedIdentityCheck,
  scopeOfInvitation,
} from './repository.js';

/** After this many wrong identity checks the link is cancelled (a guessing limit per link). */
export const MAX_IDENTITY_CHECKS = 5;

/**
 * 本人確認 (ID-7): compares the claim with the registered user. A mismatch is counted in its own
 * committed transaction — the caller's answer is an error, which must not roll the count back —
 * and the fifth one cancels the link.
 */
export async function verifyIdentity(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { token: string; claim: IdentityCheckBody; ip: string | null },
): Promise<void> {
  const { db, clock } = deps;
  const matched = await db.transaction().execute(async (trx) => {
    const now = clock.now();
    const invitation = assertUsable(await findInvitationByToken(trx, input.token, true), now);
    // A sign-up link has no identity to check: for it this route does not exist.
    if (invitation.kind !== 'activation') throw new AppError(404, 'invitation_not_found');
    const user = await findInvitedUser(trx, invitation.user_id);
    // A customer's login user (CU-6) is registered with a mobile number only, if any.
    if (user && identityMatches(input.claim, { ...user, phone: user.phone ?? user.mobile })) return true;
    const failed = invitation.failed_checks + 1;
    await recordFailedIdentityCheck(trx, scopeOfInvitation(invitation), invitation.id, {
      failedChecks: failed,
      cancelledAt: failed >= MAX_IDENTITY_CHECKS ? now : null,
    });
    if (failed >= MAX_IDENTITY_CHECKS) {
      await recordAudit(trx, clock, {
        actorUserId: null,
        organizationId: invitation.organization_id,
        tenantId: invitation.tenant_id,
        action: 'invitation.identity_lockout',
        targetType: 'invitation',
        targetId: invitation.id,
        ip: input.ip,
        details: { failedChecks: failed },
      });
    }
    return false;
  });
  if (!matched) throw new AppError(400, 'identity_mismatch');
}
