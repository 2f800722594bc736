import type { Role } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { formatDateTime } from '../../platform/format-time.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { newToken } from '../../platform/tokens.js';
import { queueTenantMail } from '../mail-templates/engine.js';
import { activationMail, invitationMail } from './mails.js';
import { findCustomerContext, insertLink } from './repository.js';

export const INVITATION_VALID_DAYS = 7;

export type LinkInput = {
  organization: { id: string; code: string; name: string; tenantId: string | null };
  kind: 'signup' | 'activation';
  user: { id: string; email: string; locale: 'ja' | 'en'; timeZone: string };
  membershipId: string;
  role: Role;
  invitedBy: string | null;
};

/**
 * Stores a new 7-day link (only its hash) and queues its mail in the recipient's language and
 * time zone: 仮ユーザ登録通知 for sign-up, 開通案内 for activation, and for a customer organisation
 * its tenant's ポータルユーザ仮登録 template (PP-7). Shared by the first invitation and every re-send,
 * so both mails always look the same.
 */
export async function issueLink(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'jobs' | 'config'>,
  input: LinkInput,
): Promise<{ id: string; expiresAt: Date; url: string }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86400_000);
  const { token, hash } = newToken();
  const scope = { organizationId: input.organization.id, tenantId: input.organization.tenantId };
  const id = await insertLink(trx, scope, {
    email: input.user.email,
    role: input.role,
    token_hash: hash,
    invited_by: input.invitedBy,
    expires_at: expiresAt,
    created_at: now,
    kind: input.kind,
    user_id: input.user.id,
    membership_id: input.membershipId,
  });
  const url = `${deps.config.publicUrl}/invitations/${token}`;
  const vars = {
    email: input.user.email,
    organizationCode: input.organization.code,
    organizationName: input.organization.name,
    url,
    expiresAt: formatDateTime(expiresAt, input.user.locale, input.user.timeZone),
  };
  const mail = { to: input.user.email, locale: input.user.locale, tenantId: input.organization.tenantId };
  const customer = await findCustomerContext(trx, scope, input.user.id);
  if (customer) {
    // A customer's login user: the tenant's ポータルユーザ仮登録 template (PP-7), whatever the link kind.
    await queueTenantMail(trx, deps, {
      tenantId: customer.tenantId,
      template: 'portal_user_provisional',
      to: input.user.email,
      locale: input.user.locale,
      vars: {
        CompanyName: input.organization.name,
        UserName: customer.userName,
        UserId: customer.userCode,
        Email: input.user.email,
        Url: url,
        ExpiresAt: vars.expiresAt,
        LoginUrl: `${deps.config.publicUrl}/login`,
        TenantName: customer.tenantName,
      },
    });
  } else if (input.kind === 'signup') {
    await queueMail(trx, deps, { ...mail, template: invitationMail, vars });
  } else {
    const loginUrl = `${deps.config.publicUrl}/login`;
    await queueMail(trx, deps, { ...mail, template: activationMail, vars: { ...vars, loginUrl } });
  }
  return { id, expiresAt, url };
}
