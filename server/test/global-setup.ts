import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrator.js';
import { createDb } from '../db/pool.js';
import {
  EMBEDDED_RUNTIME_PASSWORD,
  ensureRuntimeRole,
  grantRuntimeRole,
  RUNTIME_ROLE,
} from '../db/runtime-role.js';
import { startJobs } from '../platform/jobs.js';
import { OUTBOX_QUEUE } from '../platform/mail/outbox.js';

export const TEMPLATE_DB = 'madoguchi_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run (TEST_DATABASE_URL, or embedded in .data/test), and a
 * migrated template database that every test file clones in milliseconds.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  let stop = async () => {};
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // One cluster per run, so parallel runs in one checkout never share files.
    const dir = path.resolve(`.data/test-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres(dir, log);
    adminUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  await ensureRuntimeRole(adminUrl, EMBEDDED_RUNTIME_PASSWORD);
  const { db } = createDb(templateUrl, log);
  await migrateToLatest(db);
  // Install the job queue schema once so each cloned database starts its queue quickly.
  const jobs = await startJobs(templateUrl, [{ name: OUTBOX_QUEUE, retryLimit: 3, retryDelay: 1 }], log);
  await jobs.boss.stop({ graceful: false, wait: true, close: true });
  // Every clone inherits the runtime role's grants (the app connects as that role, as in production).
  await grantRuntimeRole(db, RUNTIME_ROLE);
  await db.destroy();

  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
