import type { Clock } from '../platform/clock.js';
import type { Db } from './pool.js';

export const OPERATOR_CODE = 'OPERATOR';

/** The single operator organisation, created on first use. */
export async function ensureOperatorOrganization(db: Db, clock: Clock) {
  await db
    .insertInto('organizations')
    .values({
      kind: 'operator',
      code: OPERATOR_CODE,
      name: 'Madoguchi 運営事務局',
      tenant_id: null,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return db
    .selectFrom('organizations')
    .select(['id', 'code', 'name', 'tenant_id'])
    .where('code', '=', OPERATOR_CODE)
    .executeTakeFirstOrThrow();
}
