import type { Logger } from 'pino';
import type { Config } from './config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.js';
import { migrateToLatest } from './db/migrator.js';
import { createDb } from './db/pool.js';
import type { AppDeps } from './deps.js';
import { bootstrapCertificateAuthority } from './modules/certificates/authority.js';
import { systemClock } from './platform/clock.js';
import { type QueueDefinition, startJobs } from './platform/jobs.js';
import { deliverOutboxMessage } from './platform/mail/deliver.js';
import { OUTBOX_QUEUE, type OutboxJob } from './platform/mail/outbox.js';
import { createMailTransport, type MailTransport } from './platform/mail/transport.js';
import { createSmsTransport } from './platform/sms/transport.js';

export type Runtime = { deps: AppDeps; databaseUrl: string; stop: () => Promise<void> };

/** Database (embedded in demo mode), migrations, job queues and the outbox worker. */
export async function startRuntime(
  config: Config,
  log: Logger,
  options = { worker: true },
): Promise<Runtime> {
  const embedded: EmbeddedDatabase | undefined = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const { db, pool } = createDb(databaseUrl, log, 20);
  try {
    await migrateToLatest(db);
    const jobs = await startJobs(
      databaseUrl,
      [
        {
          name: OUTBOX_QUEUE,
          retryLimit: config.outbox.retryLimit,
          retryDelay: config.outbox.retryDelaySeconds,
        },
      ],
      log,
    );
    const transport = createMailTransport(config.smtpUrl);
    const deps: AppDeps = { config, db, clock: systemClock, jobs, log };
    // The portal CA exists from the first start on (created once, key stored encrypted).
    await bootstrapCertificateAuthority(deps);
    if (options.worker) await startOutboxWorker(deps, transport);
    return {
      deps,
      databaseUrl,
      stop: async () => {
        await jobs.stop();
        transport.close();
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw err;
  }
}

/** Every job queue the application uses, created at start. */
export function queuesFor(config: Config): QueueDefinition[] {
  return [
    { name: OUTBOX_QUEUE, retryLimit: config.outbox.retryLimit, retryDelay: config.outbox.retryDelaySeconds },
  ];
}

/** Delivers queued mail through the configured transport, and SMS through the provider adapter. */
export async function startOutboxWorker(deps: AppDeps, transport: MailTransport) {
  const { db, clock, config, log } = deps;
  const sms = createSmsTransport(config.smsProvider);
  await deps.jobs.work<OutboxJob>(OUTBOX_QUEUE, (job) =>
    deliverOutboxMessage(
      { db, clock, transport, sms, from: config.mailFrom, retryLimit: config.outbox.retryLimit, log },
      job.outboxId,
    ),
  );
}
