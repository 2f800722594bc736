import type { MailTemplateBody, MailTemplateKey } from '../../../common/mail-templates.js';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { PartnerActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { deleteTemplate, loadTemplate, lockTenantTemplates, upsertTemplate } from './repository.js';

/**
 * メールテンプレート変更 (PP-7): stores the tenant's own text of one template in one language. The
 * same text as now is 400 `no_changes` (at least one change, `001 §5.4.3 (2)`).
 */
export async function saveTemplate(
  deps: AppDeps,
  actor: PartnerActor,
  key: MailTemplateKey,
  locale: Locale,
  text: MailTemplateBody,
): Promise<void> {
  const tenantId = actor.tenantId;
  await deps.db.transaction().execute(async (trx) => {
    // One save at a time per tenant template: the comparison below sees the latest text.
    await lockTenantTemplates(trx, tenantId);
    const current = await loadTemplate(trx, tenantId, key, locale);
    if (current.subject === text.subject && current.body === text.body) throw new AppError(400, 'no_changes');
    await upsertTemplate(trx, tenantId, key, locale, text, { userId: actor.userId, now: deps.clock.now() });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      tenantId,
      action: 'mail_template.save',
      targetType: 'mail_template',
      targetId: `${key}/${locale}`,
      ip: actor.ip,
    });
  });
}

/** デフォルトに戻す: the tenant's own text of one language goes; the default applies again. */
export async function resetTemplate(
  deps: AppDeps,
  actor: PartnerActor,
  key: MailTemplateKey,
  locale: Locale,
): Promise<void> {
  const tenantId = actor.tenantId;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteTemplate(trx, tenantId, key, locale))) return;
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      tenantId,
      action: 'mail_template.reset',
      targetType: 'mail_template',
      targetId: `${key}/${locale}`,
      ip: actor.ip,
    });
  });
}
