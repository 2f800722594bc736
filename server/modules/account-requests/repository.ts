import { type AccountRequestView, accountRequestBusinessDays } from '../../../common/certificates.js';
import type { Db } from '../../db/pool.js';

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
export async function listOrganizationRequests(db: Db, organizationId: string) {
  return (await base(db).where('r.organization_id', '=', organizationId).limit(200).execute()).map(toView);
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
