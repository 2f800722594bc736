import type { MailTemplateCopyBody } from '../../../common/mail-templates.js';
import { withTenants } from '../../db/row-scope.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { PartnerActor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { copyTargets, ownTemplates, replaceTemplates } from './repository.js';

/**
 * メールテンプレートコピー (`001 §5.4.3 (3)`): makes the chosen templates of the chosen tenants what
 * they are in the current tenant, both languages — the tenant's own text, or the default again
 * where the current tenant uses the default. Only the user's other tenants where they are an
 * active admin; any other id is a 404 and nothing is copied.
 */
export async function copyTemplates(
  deps: AppDeps,
  actor: PartnerActor,
  input: MailTemplateCopyBody,
): Promise<{ copied: number }> {
  const source = actor.tenantId;
  const keys = [...new Set(input.templateKeys)];
  const tenantIds = [...new Set(input.tenantIds)];
  // The one write that reaches several tenants: its statements run in a row scope of exactly the
  // source and the chosen targets (any target not allowed is refused below, inside it).
  return withTenants([source, ...tenantIds], () =>
    deps.db.transaction().execute(async (trx) => {
      const allowed = new Set((await copyTargets(trx, actor.userId, source)).map((t) => t.tenantId));
      if (tenantIds.some((id) => !allowed.has(id))) throw notFound();
      const own = await ownTemplates(trx, source, keys);
      const now = deps.clock.now();
      for (const target of tenantIds) {
        await replaceTemplates(trx, target, keys, own, { userId: actor.userId, now });
        await recordAudit(trx, deps.clock, {
          actorUserId: actor.userId,
          organizationId: target,
          tenantId: target,
          action: 'mail_template.copy',
          targetType: 'tenant',
          targetId: target,
          ip: actor.ip,
          details: { fromTenantId: source, templates: keys },
        });
      }
      return { copied: keys.length * tenantIds.length };
    }),
  );
}
