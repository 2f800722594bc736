import { sql } from 'kysely';
import { formatCustomerCode } from '../../../common/codes.js';
import type { CustomerBody } from '../../../common/customers.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import type { PartnerActor } from '../../platform/auth/actor.js';
import { profileColumns } from './profile-columns.js';

/** 顧客作成 (CU-2): the customer organisation with the next `A` code and its profile, audited. */
export async function createCustomer(deps: AppDeps, actor: PartnerActor, body: CustomerBody) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { n } = (await sql<{ n: string }>`SELECT nextval('customer_code_seq') AS n`.execute(trx)).rows[0]!;
    const organization = await trx
      .insertInto('organizations')
      .values({
        kind: 'customer',
        code: formatCustomerCode(BigInt(n)),
        name: body.name,
        tenant_id: actor.tenantId,
        created_at: now,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('customers')
      .values({
        id: organization.id,
        tenant_id: actor.tenantId,
        ...profileColumns(body),
        created_at: now,
        updated_at: now,
      })
      .execute();
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
