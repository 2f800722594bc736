import type { Insertable, Updateable } from 'kysely';
import {
  type AccountRequestKind,
  type AccountRequestView,
  accountRequestBusinessDays,
} from '../../../common/certificates.js';
import type { Db } from '../../db/pool.js';
import { type OrganizationScope, tenantIs } from '../../db/tenant-match.js';
import type { Database } from '../../db/types.js';
import { hashToken } from '../../platform/tokens.js';

function base(db: Db) {
  return db
    .selectFrom('account_requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .innerJoin('users as q', 'q.id', 'r.requested_by')
    .innerJoin('users as u', 'u.id', 'r.target_user_id')
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.organization_id',
      'o.name as organization_name',
      'q.id as requester_id',
      'q.name as requester_name',
      'q.email as requester_email',
      'u.id as target_id',
      'u.name as target_name',
      'u.email as target_email',
      'r.created_at',
      'r.started_at',
      'r.completed_at',
    ])
    .orderBy('r.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toView = (r: Row): AccountRequestView => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  businessDays: accountRequestBusinessDays[r.kind],
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  requestedBy: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
  targetUser: { id: r.target_id, name: r.target_name, email: r.target_email },
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  completedAt: r.completed_at?.toISOString() ?? null,
});

/** The requests of one customer organisation, newest first. */
export async function listOrganizationRequests(db: Db, scope: OrganizationScope) {
  const rows = await base(db)
    .where('r.organization_id', '=', scope.organizationId)
    .where('r.tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .limit(200)
    .execute();
  return rows.map(toView);
}

/** The operator's queue: every organisation's requests, open ones first, newest first. */
export async function listAllRequests(db: Db) {
  const rows = await base(db).limit(500).execute();
  const open = (s: string) => (s === 'done' ? 1 : 0);
  return rows.map(toView).sort((a, b) => open(a.status) - open(b.status));
}

export async function findRequest(db: Db, id: string) {
  const row = await base(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** The support ID of an organisation (null until first given). */
export async function findSupportId(db: Db, scope: OrganizationScope) {
  const row = await db
    .selectFrom('organizations')
    .select('support_id')
    .where('id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .executeTakeFirstOrThrow();
  return row.support_id;
}

/**
 * Gives the organisation `supportId` unless it already has one. A collision with another
 * organisation's ID fails the unique index: then nothing changes and the caller tries another.
 */
export async function assignSupportId(db: Db, scope: OrganizationScope, supportId: string) {
  await db
    .updateTable('organizations')
    .set({ support_id: supportId })
    .where('id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('support_id', 'is', null)
    .execute()
    .catch((err: { code?: string }) => {
      if (err.code !== '23505') throw err;
    });
}

/** A user's role and status in the organisation of the scope, or undefined when not a member there. */
export async function findMembershipIn(db: Db, scope: OrganizationScope, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['role', 'status'])
    .where('organization_id', '=', scope.organizationId)
    .where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A new request of the organisation of the scope (受付); answers its id. */
export async function insertAccountRequest(
  trx: Db,
  scope: OrganizationScope,
  request: { kind: AccountRequestKind; requestedBy: string; targetUserId: string; createdAt: Date },
) {
  const row = await trx
    .insertInto('account_requests')
    .values({
      organization_id: scope.organizationId,
      tenant_id: scope.tenantId,
      kind: request.kind,
      requested_by: request.requestedBy,
      target_user_id: request.targetUserId,
      created_at: request.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The operator's queue holds every organisation's requests (support staff only): a request is
 * found by its id alone; a 404 is the caller's when there is none. Locked when `forUpdate`.
 */
export async function findRequestRow(db: Db, id: string, forUpdate = false) {
  let query = db.selectFrom('account_requests').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Changes a request found before; the request's own organisation and tenant are in the statement
 * too, not only its id.
 */
export async function updateRequest(
  trx: Db,
  request: { id: string; organization_id: string; tenant_id: string | null },
  changes: Omit<Updateable<Database['account_requests']>, 'id' | 'organization_id' | 'tenant_id'>,
) {
  await trx
    .updateTable('account_requests')
    .set(changes)
    .where('id', '=', request.id)
    .where('organization_id', '=', request.organization_id)
    .where('tenant_id', tenantIs(request.tenant_id), request.tenant_id)
    .execute();
}

/** Where the request's mails go: the target user's address, language and time zone. */
export async function findMailRecipient(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function insertDownload(trx: Db, download: Insertable<Database['downloads']>) {
  await trx.insertInto('downloads').values(download).execute();
}

/**
 * The download a link token stands for while it can still be used (known, unused, not
 * expired); locked when `forUpdate`. The token is the only key: a public link.
 */
export async function findUsableDownload(db: Db, token: string, now: Date, forUpdate = false) {
  let query = db
    .selectFrom('downloads')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function markDownloadUsed(trx: Db, downloadId: string, now: Date) {
  await trx.updateTable('downloads').set({ used_at: now }).where('id', '=', downloadId).execute();
}
