import { sql } from 'kysely';
import type { Db } from '../../db/pool.js';
import { widenRowScope } from '../../db/row-scope.js';
import type { Clock } from '../clock.js';
import type { Jobs } from '../jobs.js';
import { OUTBOX_QUEUE, type OutboxJob } from './outbox.js';

export const OUTBOX_SWEEP_QUEUE = 'outbox-sweep';
/** Every minute, on one process of the installation. */
export const OUTBOX_SWEEP_CRON = '* * * * *';

/**
 * Keeps the outbox and its jobs in step, and the outbox small:
 * - a pending message without a live job (its job failed while the row was not told, or was
 *   lost) gets a new job with the current retry settings;
 * - sent and failed messages older than `retentionDays` are deleted.
 * A background job over every tenant's mail: it widens the row scope, by name.
 */
export function sweepOutbox(
  deps: { db: Db; clock: Clock; jobs: Jobs },
  retentionDays: number,
): Promise<{ requeued: string[]; purged: number }> {
  return widenRowScope('outbox sweep', () => sweep(deps, retentionDays));
}

async function sweep(
  deps: { db: Db; clock: Clock; jobs: Jobs },
  retentionDays: number,
): Promise<{ requeued: string[]; purged: number }> {
  const requeued = await deps.db.transaction().execute(async (trx) => {
    const orphans = await trx
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${OUTBOX_QUEUE}
          AND j.data->>'outboxId' = outbox.id::text AND j.state IN ('created', 'retry', 'active'))`,
      )
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
    for (const { id } of orphans)
      await deps.jobs.sendInTransaction<OutboxJob>(trx, OUTBOX_QUEUE, { outboxId: id });
    return orphans.map((o) => o.id);
  });
  const cutoff = new Date(deps.clock.now().getTime() - retentionDays * 86_400_000);
  const purged = await deps.db
    .deleteFrom('outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where(sql<Date>`COALESCE(sent_at, created_at)`, '<', cutoff)
    .executeTakeFirst();
  return { requeued, purged: Number(purged.numDeletedRows) };
}
