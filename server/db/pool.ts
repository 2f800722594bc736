import { type Compilable, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { prepareStatement } from './prepared-statements.js';
import { RowScopedDriver } from './scoped-driver.js';
import type { Database } from './types.js';

// bigint identities arrive as strings: keep them strings (JSON-safe) rather than lossy numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type Db = Kysely<Database>;

export { type CommittedWrite, onCommittedWrites } from './scoped-driver.js';

/** The connection string of each pool, for a dedicated LISTEN connection to the same database. */
const connectionStrings = new WeakMap<Db, string>();

/**
 * A dedicated connection to `db`'s database that LISTENs on `channel`; `onLost` when it drops
 * (the caller then trusts nothing it kept and may listen again). Null for a pool made elsewhere.
 */
export async function listenTo(
  db: Db,
  channel: string,
  onNotify: () => void,
  onLost: (err: Error) => void,
): Promise<{ close: () => Promise<void> } | null> {
  const connectionString = connectionStrings.get(db);
  if (!connectionString) return null;
  const client = new pg.Client({ connectionString });
  let closing = false;
  client.on('notification', onNotify);
  client.on('error', (err) => {
    if (!closing) onLost(err);
  });
  client.on('end', () => {
    if (!closing) onLost(new Error('LISTEN connection ended'));
  });
  await client.connect();
  await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}

/**
 * One pg pool wrapped in Kysely; idle-client errors are logged instead of crashing the process.
 * `rowScoped`: the portal's runtime connection, whose transactions carry the row scope of the
 * code that runs them (`RowScopedDriver`); migrations and test fixtures use the owner's, unscoped.
 */
export function createDb(
  connectionString: string,
  log: Logger,
  max = 10,
  options: { rowScoped?: boolean } = {},
): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL client error'));
  const rowScoped = options.rowScoped ?? false;
  const dialect = new (class extends PostgresDialect {
    override createDriver() {
      return new RowScopedDriver({ pool, rowScoped });
    }
  })({ pool });
  const db = new Kysely<Database>({ dialect });
  connectionStrings.set(db, connectionString);
  return { db, pool };
}

/**
 * Runs a query of every request (the session lookup) as a named prepared statement: each
 * connection parses and plans it once, then only binds and executes it. Only for statements whose
 * text does not vary with the input (a bounded set) and whose plan does not depend on the values.
 */
export async function executePrepared<R>(db: Db, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  prepareStatement(compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}
