import { translate } from '../../../common/messages.js';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { assertAcceptablePassword } from './check-new-password.js';
import { passwordChangedMail } from './mails.js';
import { lockAccountForPasswordChange } from './password-repository.js';
import { organizationsOfUser } from './policy-repository.js';
import { setPassword } from './set-password.js';

type ChangeInput = {
  userId: string;
  sessionId: string;
  currentPassword: string;
  password: string;
  ip: string | null;
  locale: Locale;
};

/**
 * パスワード変更 (ID-11, `001 §12`): the current password proves it is the owner; the new one meets
 * the policy and history. This session stays, every other one ends, a forced change is resolved,
 * and the owner is told by mail. Both a wrong current password and a weak new one are reported
 * together, each on its field.
 */
export async function changePassword(deps: AppDeps, input: ChangeInput): Promise<void> {
  const { db, clock } = deps;
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    // Locked so two changes at once cannot both pass the current-password check.
    const user = await lockAccountForPasswordChange(trx, input.userId);
    const fields: Record<string, string[]> = {};
    if (!(await verifyPassword(user.password_hash, input.currentPassword)))
      fields.currentPassword = [translate(input.locale, 'validation.currentPasswordWrong')];
    try {
      await assertAcceptablePassword(trx, {
        password: input.password,
        email: user.email,
        name: user.name,
        organizationIds: await organizationsOfUser(trx, input.userId),
        userId: input.userId,
        locale: input.locale,
        field: 'password',
      });
    } catch (err) {
      if (!(err instanceof AppError && err.fields)) throw err;
      Object.assign(fields, err.fields);
    }
    if (Object.keys(fields).length > 0) throw new AppError(400, 'validation', fields);

    await setPassword(trx, clock, { userId: input.userId, passwordHash, keepSessionId: input.sessionId });
    await recordAudit(trx, clock, {
      actorUserId: input.userId,
      action: 'user.password_change',
      targetType: 'user',
      targetId: input.userId,
      ip: input.ip,
    });
    await queueMail(trx, deps, {
      to: user.email,
      locale: user.locale,
      template: passwordChangedMail,
      vars: {
        email: user.email,
        changedAt: formatDateTime(clock.now(), user.locale, user.time_zone),
        portalUrl: `${deps.config.publicUrl}/login`,
      },
    });
  });
}
