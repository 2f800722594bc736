import { createHash } from 'node:crypto';
import { type Compilable, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './types.js';

// bigint identities arrive as strings: keep them strings (JSON-safe) rather than lossy numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type Db = Kysely<Database>;

/** SQL text → name of the statements run as named prepared statements (see `executePrepared`). */
const preparedNames = new Map<string, string>();

/** One pg pool wrapped in Kysely; idle-client errors are logged instead of crashing the process. */
export function createDb(connectionString: string, log: Logger, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL client error'));
  pool.on('connect', (client) => {
    // Kysely calls query(text, values); a registered text runs under its name, so this connection
    // parses and plans it once (pg sends Parse only the first time per connection and name).
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, ...rest: unknown[]) => {
      const name = typeof text === 'string' ? preparedNames.get(text) : undefined;
      return name ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
    }) as typeof client.query;
  });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/**
 * Runs a query of every request (the session lookup) as a named prepared statement: each
 * connection parses and plans it once, then only binds and executes it. Only for statements whose
 * text does not vary with the input (a bounded set) and whose plan does not depend on the values.
 */
export async function executePrepared<R>(db: Db, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (!preparedNames.has(compiled.sql))
    preparedNames.set(
      compiled.sql,
      `mg_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`,
    );
  return (await db.executeQuery(compiled)).rows;
}
