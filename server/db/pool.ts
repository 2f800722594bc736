import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './types.js';

// bigint identities arrive as strings: keep them strings (JSON-safe) rather than lossy numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type Db = Kysely<Database>;

/** One pg pool wrapped in Kysely; idle-client errors are logged instead of crashing the process. */
export function createDb(connectionString: string, log: Logger, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL client error'));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
