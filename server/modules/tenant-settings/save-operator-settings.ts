import type { z } from 'zod';
import type { applicationFieldsBody, supportPageBody } from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, actorAudit } from '../../platform/auth/actor.js';
import { lockSettings, replaceApplicationFields, updateSettings } from './repository.js';

type Input<B> = { tenantId: string; body: B };

/** The audit fields of an operator's change to a tenant's settings (the event belongs to that tenant). */
const operatorAudit = (actor: Actor, tenantId: string) => ({
  ...actorAudit(actor, 'organization', tenantId),
  tenantId,
});

/** OP-1: the tenant's サービス利用申請情報 追加項目, replaced as a whole (the partner only reads them). */
export async function saveApplicationFields(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: Input<z.output<typeof applicationFieldsBody>>,
): Promise<void> {
  const { tenantId, body } = input;
  await deps.db.transaction().execute(async (trx) => {
    await lockSettings(trx, tenantId, deps.clock.now());
    await replaceApplicationFields(trx, tenantId, body.fields);
    await recordAudit(trx, deps.clock, {
      ...operatorAudit(actor, tenantId),
      action: 'tenant.application_fields.update',
      details: { fields: body.fields.map((f) => f.name) },
    });
  });
}

/** OP-1 / PP-8: the support page of a tenant (manuals URL, contact address); '' clears a value. */
export async function saveSupportPage(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: Input<z.output<typeof supportPageBody>>,
): Promise<void> {
  const { tenantId, body } = input;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockSettings(trx, tenantId, now);
    await updateSettings(trx, tenantId, {
      manuals_url: body.manualsUrl === '' ? null : body.manualsUrl,
      support_contact_email: body.contactEmail === '' ? null : body.contactEmail,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, {
      ...operatorAudit(actor, tenantId),
      action: 'tenant.support_page.update',
      details: { manualsUrl: body.manualsUrl, contactEmail: body.contactEmail },
    });
  });
}
