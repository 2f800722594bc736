import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { hashPassword } from '../../platform/passwords.js';
import type { CertificateActor } from '../certificates/actor.js';
import { prepareCertificate, recordCertificate } from '../certificates/issue-certificate.js';
import { organizationsOfUser, passwordPolicyFor } from '../passwords/policy-repository.js';
import { setPassword } from '../passwords/set-password.js';
import { generateTemporaryPassword } from '../users/issue-temporary-password.js';
import { createDownload } from './downloads.js';
import { accountDownloadMail, certificatePasswordMail } from './mails.js';
import { findMailRecipient, findRequestRow, updateRequest } from './repository.js';

async function lockRequest(trx: AppDeps['db'], id: string) {
  const row = await findRequestRow(trx, id, true);
  if (!row) throw notFound();
  return row;
}

const audit = (
  actor: Actor,
  row: { id: string; organization_id: string; tenant_id: string | null; target_user_id: string },
) => ({
  actorUserId: actor.userId,
  organizationId: row.organization_id,
  tenantId: row.tenant_id,
  targetType: 'user',
  targetId: row.target_user_id,
  ip: actor.ip,
  details: { requestId: row.id },
});

/** 対応開始: the operator takes a received request (受付 → 対応中); any other state is a 409. */
export async function startAccountRequest(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, id);
    if (row.status !== 'received') throw new AppError(409, 'request_not_open');
    await updateRequest(trx, row, {
      status: 'in_progress',
      started_at: deps.clock.now(),
      started_by: actor.userId,
    });
    await recordAudit(trx, deps.clock, { ...audit(actor, row), action: 'account_request.start' });
  });
}

/**
 * 対応完了 (ID-16): for "reset admin password" a new temporary password (to be changed at the
 * next sign-in, sessions ended); for "reissue certificate" a reissue that revokes the earlier
 * certificates. Either is mailed to the target admin as a download link valid 7 days, the
 * certificate's password in a separate mail; the request becomes 完了. All in one transaction.
 */
export async function completeAccountRequest(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const peek = await findRequestRow(deps.db, id);
  if (!peek) throw notFound();
  if (peek.status === 'done') throw new AppError(409, 'request_not_open');
  const user = await findMailRecipient(deps.db, peek.target_user_id);
  // The operator acts for the requesting organisation: its certificates, its audit trail.
  const forOrganization: CertificateActor = {
    actorUserId: actor.userId,
    organizationId: peek.organization_id,
    tenantId: peek.tenant_id,
    ip: actor.ip,
  };
  // The slow parts (RSA key, argon2 hash) before the transaction.
  const prepared =
    peek.kind === 'reissue_certificate'
      ? await prepareCertificate(deps, forOrganization, user.id)
      : undefined;
  let temporary: { password: string; hash: string } | undefined;
  if (peek.kind === 'reset_admin_password') {
    const policy = await passwordPolicyFor(deps.db, await organizationsOfUser(deps.db, user.id));
    const password = generateTemporaryPassword(Math.max(16, policy.minLength));
    temporary = { password, hash: await hashPassword(password) };
  }
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, id);
    if (row.status === 'done') throw new AppError(409, 'request_not_open');
    const download = prepared
      ? {
          kind: 'certificate' as const,
          fileName: `madoguchi-${prepared.certificate.serialNumber}.p12`,
          payload: prepared.p12,
        }
      : { kind: 'temporary_password' as const, fileName: null, payload: Buffer.from(temporary!.password) };
    if (prepared) await recordCertificate(trx, deps, forOrganization, prepared, { reissue: true });
    else
      await setPassword(trx, deps.clock, {
        userId: user.id,
        passwordHash: temporary!.hash,
        mustChange: true,
      });
    const link = await createDownload(trx, deps, { userId: user.id, accountRequestId: row.id, ...download });
    await queueMail(trx, deps, {
      to: user.email,
      locale: user.locale,
      template: accountDownloadMail,
      vars: {
        email: user.email,
        kind: download.kind,
        url: `${deps.config.publicUrl}/downloads/${link.token}`,
        expiresAt: formatDateTime(link.expiresAt, user.locale, user.time_zone),
      },
    });
    if (prepared)
      await queueMail(trx, deps, {
        to: user.email,
        locale: user.locale,
        template: certificatePasswordMail,
        vars: { email: user.email, password: prepared.password },
      });
    const now = deps.clock.now();
    await updateRequest(trx, row, {
      status: 'done',
      completed_at: now,
      completed_by: actor.userId,
      started_at: row.started_at ?? now,
      started_by: row.started_by ?? actor.userId,
    });
    await recordAudit(trx, deps.clock, { ...audit(actor, row), action: 'account_request.complete' });
  });
}
