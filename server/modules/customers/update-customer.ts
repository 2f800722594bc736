import type { CustomerBody } from '../../../common/customers.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { actorAudit, type PartnerActor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { profileColumns, profileFields } from './profile-columns.js';
import { lockCustomer, renameCustomer, updateCustomerProfile } from './repository.js';

/**
 * 顧客情報変更 (CU-3): the whole form again; at least one field must differ from what is stored
 * (400 `no_changes`), only changed fields are written, audited with their names.
 */
export async function updateCustomer(
  deps: AppDeps,
  actor: PartnerActor,
  customerId: string,
  body: CustomerBody,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockCustomer(trx, actor.tenantId, customerId);
    if (!current) throw notFound();
    const changedProfile = profileFields.filter((f) => body[f] !== current[f]);
    const nameChanged = body.name !== current.name;
    if (!nameChanged && changedProfile.length === 0) throw new AppError(400, 'no_changes');
    if (nameChanged) await renameCustomer(trx, actor.tenantId, customerId, body.name);
    await updateCustomerProfile(trx, actor.tenantId, customerId, {
      ...profileColumns(body, changedProfile),
      updated_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, {
      ...actorAudit(actor, 'customer', customerId),
      action: 'customer.update',
      details: { code: current.code, fields: [...(nameChanged ? ['name'] : []), ...changedProfile] },
    });
  });
}
