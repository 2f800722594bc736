import type { z } from 'zod';
import type { tenantSettingsBody } from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { lockSettings, replaceLinks, replaceReferrerUrls, updateSettings } from './repository.js';

type Body = z.output<typeof tenantSettingsBody>;

/**
 * テナント設定の保存 (PP-4, `001 §5.4.1`): the two settings and both lists, which replace the
 * stored ones as a whole, in one transaction with the audit event.
 */
export async function saveTenantSettings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: PartnerActor,
  body: Body,
): Promise<void> {
  const tenantId = actor.tenantId;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockSettings(trx, tenantId, now);
    await updateSettings(trx, tenantId, {
      utm_application_enabled: body.utmApplicationEnabled,
      contract_check_exempt_days: body.contractCheckExemptDays,
      updated_at: now,
    });
    await replaceReferrerUrls(trx, tenantId, body.referrerUrls);
    await replaceLinks(trx, tenantId, body.links);
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'organization', tenantId),
      action: 'tenant_settings.update',
      details: {
        utmApplicationEnabled: body.utmApplicationEnabled,
        contractCheckExemptDays: body.contractCheckExemptDays,
        referrerUrls: body.referrerUrls.length,
        links: body.links.length,
      },
    });
  });
}
