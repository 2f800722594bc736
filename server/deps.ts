import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/pool.js';
import type { Clock } from './platform/clock.js';
import type { Jobs } from './platform/jobs.js';

/** What the application is built from; tests build it with their own database and clock. */
export type AppDeps = { config: Config; db: Db; clock: Clock; jobs: Jobs; log: Logger };
