import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/pool.js';

/** A queue and its settings, applied at every start (to the queue and to its waiting jobs). */
export type QueueDefinition = {
  name: string;
  retryLimit: number;
  retryDelay: number;
  /** How long one attempt may run before pg-boss counts it as failed (a killed worker). */
  expireInSeconds?: number;
};

/** Which attempt of its job a handler runs (retryCount 0 = the first). */
export type JobAttempt = { retryCount: number; retryLimit: number };

export type Jobs = {
  boss: PgBoss;
  /** Enqueues a job with the caller's Kysely transaction, so it commits or rolls back with it. */
  sendInTransaction: <T extends object>(trx: Db, queue: string, data: T) => Promise<void>;
  work: <T extends object>(
    queue: string,
    handler: (data: T, attempt: JobAttempt) => Promise<void>,
  ) => Promise<void>;
  /** Runs `queue` on a cron schedule (Asia/Tokyo), once per installation however many processes run. */
  schedule: (queue: string, cron: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts pg-boss on the application's PostgreSQL and creates every queue up front. */
export async function startJobs(
  connectionString: string,
  queues: QueueDefinition[],
  log: Logger,
): Promise<Jobs> {
  // Maintenance (which also fails attempts past their expiry) every 30 s rather than 2 minutes.
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4, maintenanceIntervalSeconds: 30 });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const q of queues) {
    const options = {
      name: q.name,
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelay,
      retryBackoff: true,
      ...(q.expireInSeconds ? { expireInSeconds: q.expireInSeconds } : {}),
    };
    // v10 silently drops sends to a queue that does not exist: create them all at start. A queue
    // keeps the settings it was created with, and each job copies them when it is sent: bring
    // both the queue and its waiting jobs to this start's settings.
    if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, options);
    else await boss.createQueue(q.name, options);
    await boss.getDb().executeSql(
      `UPDATE pgboss.job SET retry_limit = $2, retry_delay = $3,
         expire_in = COALESCE(make_interval(secs => $4), expire_in)
       WHERE name = $1 AND state IN ('created', 'retry')`,
      [q.name, q.retryLimit, q.retryDelay, q.expireInSeconds ?? null],
    );
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
      await boss.work<object>(
        queue,
        { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs)
            await handler(job.data as never, { retryCount: job.retryCount, retryLimit: job.retryLimit });
        },
      );
    },
    schedule: (queue, cron) => boss.schedule(queue, cron, {}, { tz: 'Asia/Tokyo' }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10000 }),
  };
}
