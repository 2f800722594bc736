import { sql } from 'kysely';
import { formatTenantCode } from '../../../common/codes.js';
import { containsPattern } from '../../db/contains-pattern.js';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';

export type TenantListQuery = {
  page: number;
  pageSize: number;
  sort: 'code' | 'name' | 'createdAt';
  order: 'asc' | 'desc';
  q?: string;
};

const sortColumn = { code: 'o.code', name: 'o.name', createdAt: 'o.created_at' } as const;

/** One page of partner tenants with member and pending-invitation counts, filtered and sorted in SQL. */
export async function listTenants(db: Db, now: Date, query: TenantListQuery) {
  let base = db.selectFrom('organizations as o').where('o.kind', '=', 'partner');
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('o.name', 'ilike', pattern), eb('o.code', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    base
      .select((eb) => [
        'o.id',
        'o.code',
        'o.name',
        'o.created_at as createdAt',
        eb
          .selectFrom('memberships as m')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('m.organization_id', '=', 'o.id')
          // Invited people are counted as pending invitations until they register.
          .where('m.status', '!=', 'invited')
          .as('memberCount'),
        eb
          .selectFrom('invitations as i')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('i.organization_id', '=', 'o.id')
          .where('i.accepted_at', 'is', null)
          .where('i.cancelled_at', 'is', null)
          .where('i.expires_at', '>', now)
          .as('pendingInvitationCount'),
      ])
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('o.id', query.order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => ({
      ...r,
      memberCount: Number(r.memberCount ?? 0),
      pendingInvitationCount: Number(r.pendingInvitationCount ?? 0),
    })),
    total: Number(total.total),
  };
}

export async function findTenant(db: Db, tenantId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'code', 'name', 'tenant_id', 'created_at'])
    .where('id', '=', tenantId)
    .where('kind', '=', 'partner')
    .executeTakeFirst();
}

export async function listMembers(db: Db, scope: OrganizationScope) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email', 'users.name', 'memberships.role'])
    .where('memberships.organization_id', '=', scope.organizationId)
    .where('memberships.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('memberships.status', '!=', 'invited')
    .orderBy('users.email')
    .execute();
}

/** A new partner tenant with the next `T` code; a tenant is its own tenant_id. */
export async function insertTenant(trx: Db, name: string, now: Date) {
  const { n } = await sql<{ n: string }>`SELECT nextval('tenant_code_seq') AS n`
    .execute(trx)
    .then((r) => r.rows[0]!);
  const created = await trx
    .insertInto('organizations')
    .values({ kind: 'partner', code: formatTenantCode(BigInt(n)), name, created_at: now })
    .returning(['id', 'code', 'name', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('organizations')
    .set({ tenant_id: created.id })
    .where('id', '=', created.id)
    .execute();
  return created;
}
