import type { CustomerBody } from '../../../common/customers.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { PartnerActor } from '../../platform/auth/actor.js';
import { profileColumns } from './profile-columns.js';
import { insertCustomer } from './repository.js';

/** 顧客作成 (CU-2): the customer organisation with the next `A` code and its profile, audited. */
export async function createCustomer(deps: AppDeps, actor: PartnerActor, body: CustomerBody) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const organization = await insertCustomer(trx, actor.tenantId, body.name, profileColumns(body), now);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      tenantId: actor.tenantId,
      action: 'customer.create',
      targetType: 'customer',
      targetId: organization.id,
      ip: actor.ip,
      details: { code: organization.code, name: body.name },
    });
    return organization;
  });
}
