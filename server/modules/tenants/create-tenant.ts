import { sql } from 'kysely';
import { formatTenantCode } from '../../../common/codes.js';
import type { Db } from '../../db/pool.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';

/** Creates a partner tenant with the next `T` code; a tenant is its own tenant_id. */
export async function createTenant(
  trx: Db,
  clock: Clock,
  input: { name: string; actorUserId: string | null; ip: string | null },
) {
  const { n } = await sql<{ n: string }>`SELECT nextval('tenant_code_seq') AS n`
    .execute(trx)
    .then((r) => r.rows[0]!);
  const created = await trx
    .insertInto('organizations')
    .values({ kind: 'partner', code: formatTenantCode(BigInt(n)), name: input.name, created_at: clock.now() })
    .returning(['id', 'code', 'name', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('organizations')
    .set({ tenant_id: created.id })
    .where('id', '=', created.id)
    .execute();
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
