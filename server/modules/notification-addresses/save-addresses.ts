import { translate } from '../../../common/messages.js';
import {
  addressesOf,
  type NotificationAddressesInput,
  notificationConfirmErrors,
} from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { newToken } from '../../platform/tokens.js';
import { notificationAddressVerificationMail } from './mails.js';
import {
  deleteAddress,
  insertAddress,
  lockTenantForAddresses,
  replaceAddress,
  storedAddresses,
} from './repository.js';

export const VERIFICATION_VALID_HOURS = 24;

/** The addresses, and the signed-in user whose language and time zone the mails' expiry is shown in. */
type SaveInput = { user: SignedInUser; body: NotificationAddressesInput };

/**
 * メールアドレス設定の保存 (PP-6, `001 §5.4.2`). Per slot: emptied → deleted without a mail;
 * unchanged → kept as it is (a verified address stays verified; an unverified one whose link
 * has expired gets a fresh link); new or changed → needs its confirm field, becomes unverified
 * and gets 登録メールアドレスの確認 with a 24-hour link. One
 * transaction under the tenant's lock; a refused confirm field writes nothing.
 */
export async function saveNotificationAddresses(
  deps: Pick<AppDeps, 'db' | 'clock' | 'jobs' | 'config'>,
  actor: PartnerActor,
  input: SaveInput,
): Promise<{ verificationSentTo: string[] }> {
  const { user, body } = input;
  const tenantId = actor.tenantId;
  return deps.db.transaction().execute(async (trx) => {
    // Two saves of the same tenant run one after the other (the rows of empty slots do not exist yet).
    const tenant = await lockTenantForAddresses(trx, tenantId);
    const stored = await storedAddresses(trx, tenantId, true);
    const bySlot = new Map(stored.map((r) => [r.slot, r]));
    const errors = notificationConfirmErrors(
      body,
      [1, 2, 3].map((slot) => bySlot.get(slot)?.email ?? null),
    );
    if (Object.keys(errors).length > 0) {
      throw new AppError(
        400,
        'validation',
        Object.fromEntries(Object.entries(errors).map(([f, key]) => [f, [translate(user.locale, key)]])),
      );
    }

    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + VERIFICATION_VALID_HOURS * 3600_000);
    const sent: string[] = [];
    const deleted: number[] = [];
    for (const [i, email] of addressesOf(body).entries()) {
      const slot = i + 1;
      const current = bySlot.get(slot);
      if (email === '') {
        if (current) {
          await deleteAddress(trx, tenantId, current.id);
          deleted.push(slot);
        }
        continue;
      }
      // Unchanged: kept as it is — unless still unverified with its link expired, then a fresh link.
      if (current?.email === email && (current.verified_at || (current.token_expires_at ?? now) > now))
        continue;
      const { token, hash } = newToken();
      const values = {
        email,
        verified_at: null,
        token_hash: hash,
        token_expires_at: expiresAt,
        created_at: now,
      };
      if (current) await replaceAddress(trx, tenantId, current.id, values);
      else await insertAddress(trx, tenantId, slot, values);
      await queueMail(trx, deps, {
        to: email,
        locale: user.locale,
        tenantId,
        template: notificationAddressVerificationMail,
        vars: {
          email,
          tenantCode: tenant.code,
          tenantName: tenant.name,
          url: `${deps.config.publicUrl}/notification-addresses/verify/${token}`,
          expiresAt: formatDateTime(expiresAt, user.locale, user.timeZone),
        },
      });
      sent.push(email);
    }
    if (sent.length > 0 || deleted.length > 0)
      await recordAudit(trx, deps.clock, {
        ...actorAudit(actor, 'organization', tenantId),
        action: 'notification_addresses.update',
        details: { verificationSentTo: sent, deletedSlots: deleted },
      });
    return { verificationSentTo: sent };
  });
}
