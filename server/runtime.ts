import type { Logger } from 'pino';
import type { Config } from './config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.js';
import { migrateToLatest } from './db/migrator.js';
import { createDb, type Db } from './db/pool.js';
import { widenRowScope } from './db/row-scope.js';
import {
  connectionRole,
  EMBEDDED_RUNTIME_PASSWORD,
  ensureRuntimeRole,
  grantRuntimeRole,
  RUNTIME_ROLE,
  urlAs,
} from './db/runtime-role.js';
import type { AppDeps } from './deps.js';
import { bootstrapCertificateAuthority } from './modules/certificates/authority.js';
import { systemClock } from './platform/clock.js';
import { type Jobs, type QueueDefinition, startJobs } from './platform/jobs.js';
import { deliverOutboxMessage } from './platform/mail/deliver.js';
import { OUTBOX_QUEUE, type OutboxJob } from './platform/mail/outbox.js';
import { OUTBOX_SWEEP_CRON, OUTBOX_SWEEP_QUEUE, sweepOutbox } from './platform/mail/sweep.js';
import { createMailTransport, type MailTransport, SMTP_DEADLINE_MS } from './platform/mail/transport.js';
import { createSmsTransport, SMS_DEADLINE_MS, type SmsTransport } from './platform/sms/transport.js';

/** `databaseUrl`: the runtime role's connection; `ownerUrl`: the schema owner's. */
export type Runtime = { deps: AppDeps; databaseUrl: string; ownerUrl: string; stop: () => Promise<void> };

/** Database (embedded in demo mode), migrations, job queues and the outbox worker. */
export async function startRuntime(
  config: Config,
  log: Logger,
  options = { worker: true },
): Promise<Runtime> {
  const embedded: EmbeddedDatabase | undefined = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log, { ownProcessGroup: true });
  // The owner migrates and runs the job queue; the portal's own statements run as the runtime
  // role, bound by row-level security (db/runtime-role.ts).
  const ownerUrl = embedded ? embedded.url : (config.databaseOwnerUrl ?? config.databaseUrl!);
  if (embedded) await ensureRuntimeRole(embedded.url, EMBEDDED_RUNTIME_PASSWORD);
  const databaseUrl = embedded
    ? urlAs(embedded.url, RUNTIME_ROLE, EMBEDDED_RUNTIME_PASSWORD)
    : config.databaseUrl!;
  let runtime: { db: Db; pool: { end: () => Promise<void> } } | undefined;
  let jobs: Jobs | undefined;
  try {
    jobs = await prepareDatabase(ownerUrl, config, log);
    runtime = createDb(databaseUrl, log, 20, { rowScoped: true });
    const { db } = runtime;
    const { role, bypassesRowSecurity } = await connectionRole(db);
    if (bypassesRowSecurity)
      throw new Error(
        `DATABASE_URL connects as ${role}, a superuser or a role with BYPASSRLS: row-level security would not apply. ` +
          'Connect as a role without them, and give the schema owner in DATABASE_OWNER_URL (README).',
      );
    await grantTo(ownerUrl, role, log);
    const transport = createMailTransport(config.smtpUrl);
    const deps: AppDeps = { config, db, clock: systemClock, jobs, log };
    const started = jobs;
    // The portal CA exists from the first start on (created once, key stored encrypted).
    await bootstrapCertificateAuthority(deps);
    if (options.worker) await startOutboxWorker(deps, transport);
    return {
      deps,
      databaseUrl,
      ownerUrl,
      stop: async () => {
        await started.stop();
        transport.close();
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await jobs?.stop().catch(() => {});
    await runtime?.pool.end().catch(() => {});
    await embedded?.stop();
    throw err;
  }
}

/** As the owner: the migrations, then the job queue (whose schema pg-boss keeps up to date). */
async function prepareDatabase(ownerUrl: string, config: Config, log: Logger) {
  const owner = createDb(ownerUrl, log, 2, { rowScoped: true });
  try {
    await widenRowScope('migrations', () => migrateToLatest(owner.db));
  } finally {
    await owner.db.destroy();
  }
  return startJobs(ownerUrl, queuesFor(config), log);
}

/** The runtime role's grants, renewed at every start (new tables, new queues); none for the owner itself. */
async function grantTo(ownerUrl: string, role: string, log: Logger) {
  const owner = createDb(ownerUrl, log, 1);
  try {
    if ((await connectionRole(owner.db)).role !== role) await grantRuntimeRole(owner.db, role);
  } finally {
    await owner.db.destroy();
  }
}

/**
 * One delivery attempt is bounded by its transport's timeouts; past that (plus time for the
 * outbox update) the attempt counts as lost, e.g. to a kill -9, and pg-boss retries it.
 */
export const OUTBOX_ATTEMPT_SECONDS = Math.ceil(Math.max(SMTP_DEADLINE_MS, SMS_DEADLINE_MS) / 1000) + 10;

/** Every job queue the application uses, created (or brought to these settings) at start. */
export function queuesFor(config: Config): QueueDefinition[] {
  return [
    {
      name: OUTBOX_QUEUE,
      retryLimit: config.outbox.retryLimit,
      retryDelay: config.outbox.retryDelaySeconds,
      expireInSeconds: OUTBOX_ATTEMPT_SECONDS,
    },
    { name: OUTBOX_SWEEP_QUEUE, retryLimit: 0, retryDelay: 60 },
  ];
}

/** Without an SMS provider and without the mailbox an SMS has nowhere to go: it fails, visibly. */
function smsTransportFor(config: Config): SmsTransport {
  const sms = createSmsTransport(config.smsProvider);
  if (sms.kind === 'http' || config.mailboxEnabled) return sms;
  return {
    kind: 'http',
    send: async () => {
      throw new Error('no SMS provider: SMS_PROVIDER_URL is unset and MAILBOX is off');
    },
  };
}

/**
 * Delivers queued mail through the configured transport and SMS through the provider adapter;
 * sweeps the outbox at start and every minute (see `sweepOutbox`).
 */
export async function startOutboxWorker(deps: AppDeps, transport: MailTransport) {
  const { db, clock, config, log } = deps;
  const sms = smsTransportFor(config);
  if (!config.smsProvider.url && !config.mailboxEnabled)
    log.warn('SMS_PROVIDER_URL is unset and MAILBOX is off: SMS (login and verification codes) will fail');
  const deliverDeps = { db, clock, transport, sms, from: config.mailFrom, publicUrl: config.publicUrl, log };
  await deps.jobs.work<OutboxJob>(OUTBOX_QUEUE, (job, attempt) =>
    deliverOutboxMessage(deliverDeps, job.outboxId, attempt),
  );
  const sweep = async () => {
    const { requeued, purged } = await sweepOutbox(deps, config.outbox.retentionDays);
    if (requeued.length) log.warn({ outboxIds: requeued }, 'outbox messages without a job queued again');
    if (purged) log.info({ purged }, 'old outbox messages deleted');
  };
  await deps.jobs.work(OUTBOX_SWEEP_QUEUE, sweep);
  await deps.jobs.schedule(OUTBOX_SWEEP_QUEUE, OUTBOX_SWEEP_CRON);
  await sweep();
}
