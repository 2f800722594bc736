import type { Db } from '../db/pool.js';
import { rowOwnerOfScope } from '../db/row-scope.js';
import type { Clock } from './clock.js';

export type AuditEvent = {
  actorUserId: string | null;
  organizationId?: string | null;
  tenantId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Records a privileged action; call inside the transaction that performs it. Without a tenant
 * or organisation of its own, the event is the request's tenant's (and customer's).
 */
export async function recordAudit(db: Db, clock: Clock, e: AuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(clock, e)).execute();
}

/** The row of an audit event (for a statement that writes it together with other rows). */
export function auditRow(clock: Clock, e: AuditEvent) {
  const owner = rowOwnerOfScope();
  return {
    occurred_at: clock.now(),
    actor_user_id: e.actorUserId,
    organization_id: e.organizationId ?? owner.customerOrganizationId,
    tenant_id: e.tenantId ?? owner.tenantId,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId ?? null,
    ip: e.ip ?? null,
    details: JSON.stringify(e.details ?? {}),
  };
}
