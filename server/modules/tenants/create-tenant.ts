import type { Db } from '../../db/pool.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { insertTenant } from './repository.js';

/** Creates a partner tenant with the next `T` code; a tenant is its own tenant_id. */
export async function createTenant(
  trx: Db,
  clock: Clock,
  input: { name: string; actorUserId: string | null; ip: string | null },
) {
  const created = await insertTenant(trx, input.name, clock.now());
  await recordAudit(trx, clock, {
    actorUserId: input.actorUserId,
    organizationId: created.id,
    tenantId: created.id,
    action: 'tenant.create',
    targetType: 'organization',
    targetId: created.id,
    ip: input.ip,
    details: { code: created.code, name: created.name },
  });
  return created;
}
