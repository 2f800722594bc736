import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { createDb, type Db } from '../db/pool.js';
import { EMBEDDED_RUNTIME_PASSWORD, RUNTIME_ROLE, urlAs } from '../db/runtime-role.js';
import { TEMPLATE_DB, withDatabase } from './global-setup.js';

/**
 * `db` / `url`: the owner (fixtures and assertions see every row); `runtimeDb` / `runtimeUrl`:
 * the portal's runtime role, bound by row-level security — what the application under test uses.
 */
export type TestDatabase = {
  db: Db;
  url: string;
  runtimeDb: Db;
  runtimeUrl: string;
  drop: () => Promise<void>;
};

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const { db } = createDb(url, pino({ level: 'silent' }));
  const runtimeUrl = urlAs(url, RUNTIME_ROLE, EMBEDDED_RUNTIME_PASSWORD);
  const { db: runtimeDb } = createDb(runtimeUrl, pino({ level: 'silent' }), 10, { rowScoped: true });
  return {
    db,
    url,
    runtimeDb,
    runtimeUrl,
    drop: async () => {
      await runtimeDb.destroy();
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The environment of an installation on the owner's database `ownerUrl`: the portal runs as the
 * runtime role (DATABASE_URL) and migrates as the owner (DATABASE_OWNER_URL), as README describes.
 */
export function installationEnv(ownerUrl: string): { DATABASE_URL: string; DATABASE_OWNER_URL: string } {
  return {
    DATABASE_URL: urlAs(ownerUrl, RUNTIME_ROLE, EMBEDDED_RUNTIME_PASSWORD),
    DATABASE_OWNER_URL: ownerUrl,
  };
}
