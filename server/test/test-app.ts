import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { startJobs } from '../platform/jobs.js';
import { createMailTransport } from '../platform/mail/transport.js';
import { queuesFor, startOutboxWorker } from '../runtime.js';
import { createTestDatabase } from './database.js';

/** `deps.db`: the runtime role the app uses (row-level security applies); `db`: the owner, for fixtures and assertions. */
export type TestApp = { app: FastifyInstance; deps: AppDeps; db: Db; close: () => Promise<void> };

type TestAppOptions = {
  clock?: Clock;
  env?: Record<string, string>;
  /** Start the outbox worker (mail tests); off by default so mail stays pending and inspectable. */
  worker?: boolean;
};

/** The real application on its own fresh database, driven in-process through `app.inject`. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.runtimeUrl,
    DATABASE_OWNER_URL: database.url,
    PUBLIC_URL: 'http://portal.test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MAILBOX: 'on',
    OUTBOX_RETRY_DELAY_SECONDS: '1',
    OUTBOX_RETRY_LIMIT: '20',
    // A fixed key for the portal CA (created on first use in each test database).
    CA_ENCRYPTION_KEY: 'dGVzdC1vbmx5LWNhLWVuY3J5cHRpb24ta2V5LTMyYiE=',
    ...options.env,
  });
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const jobs = await startJobs(database.url, queuesFor(config), log);
  const deps: AppDeps = { config, db: database.runtimeDb, clock: options.clock ?? systemClock, jobs, log };
  const transport = createMailTransport(config.smtpUrl);
  if (options.worker) await startOutboxWorker(deps, transport);
  const app = await buildApp(deps, { webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    deps,
    db: database.db,
    close: async () => {
      await app.close();
      await jobs.stop();
      transport.close();
      await database.drop();
    },
  };
}
