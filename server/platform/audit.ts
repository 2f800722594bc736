import type { Db } from '../db/pool.js';
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

/** Records a privileged action; call inside the transaction that performs it. */
export async function recordAudit(db: Db, clock: Clock, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: clock.now(),
      actor_user_id: e.actorUserId,
      organization_id: e.organizationId ?? null,
      tenant_id: e.tenantId ?? null,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      ip: e.ip ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}
