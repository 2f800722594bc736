import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/pool.js';

export type QueueDefinition = { name: string; retryLimit: number; retryDelay: number };

export type Jobs = {
  boss: PgBoss;
  /** Enqueues a job with the caller's Kysely transaction, so it commits or rolls back with it. */
  sendInTransaction: <T extends object>(trx: Db, queue: string, data: T) => Promise<void>;
  work: <T extends object>(queue: string, handler: (data: T) => Promise<void>) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts pg-boss on the application's PostgreSQL and creates every queue up front. */
export async function startJobs(
  connectionString: string,
  queues: QueueDefinition[],
  log: Logger,
): Promise<Jobs> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4 });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const q of queues) {
    // v10 silently drops sends to a queue that does not exist: create them all at start.
    if (!(await boss.getQueue(q.name))) {
      await boss.createQueue(q.name, {
        name: q.name,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: true,
      });
    }
  }
  return {
    boss,
    sendInTransaction: async (trx, queue, data) => {
      const db = {
        executeSql: async (text: string, values: unknown[]) => {
          const result = await trx.executeQuery(CompiledQuery.raw(text, values));
          return { rows: result.rows as unknown[] };
        },
      };
      const id = await boss.send(queue, data, { db });
      if (!id) throw new Error(`job not queued on ${queue}`);
    },
    work: async (queue, handler) => {
      await boss.work<object>(queue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10000 }),
  };
}
