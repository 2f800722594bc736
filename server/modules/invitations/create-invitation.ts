import type { Role } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { newToken } from '../../platform/tokens.js';

export const INVITATION_VALID_DAYS = 7;

type CreateInvitationInput = {
  organization: { id: string; code: string; name: string; tenantId: string | null };
  email: string;
  role: Role;
  invitedBy: string | null;
  ip: string | null;
};

/**
 * Invites an address to an organisation (仮ユーザ登録, `001 §2.1`): stores the hashed link
 * token, queues the mail and records the audit event in the caller's transaction.
 */
export async function createInvitation(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'jobs' | 'config'>,
  input: CreateInvitationInput,
): Promise<{ id: string; email: string; expiresAt: Date; url: string }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86400_000);
  const { token, hash } = newToken();
  const row = await trx
    .insertInto('invitations')
    .values({
      organization_id: input.organization.id,
      tenant_id: input.organization.tenantId,
      email: input.email,
      role: input.role,
      token_hash: hash,
      invited_by: input.invitedBy,
      expires_at: expiresAt,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const existing = await trx
    .selectFrom('users')
    .select(['locale', 'time_zone'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  const locale = existing?.locale ?? 'ja';
  const url = `${deps.config.publicUrl}/invitations/${token}`;
  await queueMail(trx, deps, {
    to: input.email,
    locale,
    template: 'invitation',
    tenantId: input.organization.tenantId,
    vars: {
      email: input.email,
      organizationCode: input.organization.code,
      organizationName: input.organization.name,
      url,
      expiresAt: formatDateTime(expiresAt, locale, existing?.time_zone ?? 'Asia/Tokyo'),
    },
  });
  await recordAudit(trx, deps.clock, {
    actorUserId: input.invitedBy,
    organizationId: input.organization.id,
    tenantId: input.organization.tenantId,
    action: 'invitation.create',
    targetType: 'invitation',
    targetId: row.id,
    ip: input.ip,
    details: { email: input.email, role: input.role },
  });
  return { id: row.id, email: input.email, expiresAt, url };
}
