import { setTimeout as sleep } from 'node:timers/promises';
import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { newToken } from '../../platform/tokens.js';
import { reissueInvitation } from '../invitations/reissue-invitation.js';
import { queueTenantMail } from '../mail-templates/engine.js';
import { passwordResetMail } from './mails.js';
import {
  firstCustomerMembership,
  insertReset,
  invitedMembershipIds,
  lockAccountByEmail,
} from './reset-repository.js';

export const RESET_VALID_MINUTES = 60;
/**
 * Every request takes at least this long, so the response time does not tell whether the address
 * has an account (the work below differs: a mail, an invitation, or nothing).
 */
export const RESET_RESPONSE_FLOOR_MS = 250;

type ResetRequest = { email: string; ip: string | null; locale: Locale };

/**
 * 「パスワードをお忘れの方」 (ID-10): mails a one-hour, single-use reset link to an active account
 * with a password; an account still waiting for its first password gets a fresh invitation link
 * instead (how an expired ID-7 link is re-requested). Unknown or disabled addresses get nothing.
 * The caller always answers the same.
 */
export async function requestPasswordReset(deps: AppDeps, input: ResetRequest): Promise<void> {
  const started = performance.now();
  try {
    await deps.db.transaction().execute((trx) => handle(trx, deps, input));
  } finally {
    const left = RESET_RESPONSE_FLOOR_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

async function handle(trx: Db, deps: AppDeps, input: ResetRequest): Promise<void> {
  // One request at a time per account, so two quick clicks cannot race each other.
  const user = await lockAccountByEmail(trx, input.email);
  if (user?.status !== 'active') return;
  if (!user.password_hash) {
    await reissuePendingInvitations(trx, deps, { userId: user.id, ip: input.ip });
    return;
  }
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + RESET_VALID_MINUTES * 60_000);
  const { token, hash } = newToken();
  const resetId = await insertReset(trx, {
    userId: user.id,
    tokenHash: hash,
    expiresAt,
    createdAt: now,
    ip: input.ip,
  });
  const url = `${deps.config.publicUrl}/password-reset/${token}`;
  const expires = formatDateTime(expiresAt, user.locale, user.time_zone);
  const loginUrl = `${deps.config.publicUrl}/login`;
  const customer = await firstCustomerMembership(trx, user.id);
  if (customer) {
    // A customer's login user: the tenant's パスワードリセット(Eメール) template (PP-7).
    await queueTenantMail(trx, deps, {
      tenantId: customer.tenantId,
      template: 'password_reset_mail',
      to: user.email,
      locale: user.locale,
      vars: {
        CompanyName: customer.companyName,
        UserName: user.name,
        UserId: user.code,
        Email: user.email,
        Url: url,
        ExpiresAt: expires,
        LoginUrl: loginUrl,
        TenantName: customer.tenantName,
      },
    });
  } else {
    await queueMail(trx, deps, {
      to: user.email,
      locale: user.locale,
      template: passwordResetMail,
      vars: { email: user.email, url, expiresAt: expires, portalUrl: loginUrl },
    });
  }
  await recordAudit(trx, deps.clock, {
    actorUserId: null,
    action: 'user.password_reset_request',
    targetType: 'user',
    targetId: user.id,
    ip: input.ip,
    details: { resetId },
  });
}

/**
 * Each organisation still waiting for this user gets a fresh link (expired ones count: that is the
 * point), through the same re-send the inviting admin uses.
 */
async function reissuePendingInvitations(
  trx: Db,
  deps: AppDeps,
  input: { userId: string; ip: string | null },
): Promise<void> {
  for (const membershipId of await invitedMembershipIds(trx, input.userId))
    await reissueInvitation(trx, deps, { membershipId, ip: input.ip });
}
