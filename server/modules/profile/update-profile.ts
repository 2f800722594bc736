import type { ProfileUpdateBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { forgetVerificationIfChanged } from '../mfa/repository.js';
import { updateAccount } from '../users/repository.js';

/** Saves the fields the user sent (others stay) and records which ones changed. */
export async function updateProfile(
  deps: AppDeps,
  who: { userId: string; ip: string | null },
  body: ProfileUpdateBody,
): Promise<void> {
  const { timeZone, ...rest } = body;
  const changes = Object.fromEntries(
    Object.entries({ ...rest, time_zone: timeZone }).filter(([, v]) => v !== undefined),
  );
  await deps.db.transaction().execute(async (trx) => {
    if (body.mobile !== undefined) await forgetVerificationIfChanged(trx, who.userId, body.mobile);
    await updateAccount(trx, who.userId, changes);
    await recordAudit(trx, deps.clock, {
      actorUserId: who.userId,
      action: 'user.profile_update',
      targetType: 'user',
      targetId: who.userId,
      ip: who.ip,
      details: { fields: Object.keys(changes) },
    });
  });
}
