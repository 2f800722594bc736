import { createHash } from 'node:crypto';
import {
  type Compilable,
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { currentRowScope, rowScopeSettingsSql, touchesTenantRows } from './row-scope.js';
import type { Database } from './types.js';

// bigint identities arrive as strings: keep them strings (JSON-safe) rather than lossy numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type Db = Kysely<Database>;

/** SQL text → name of the statements run as named prepared statements (see `executePrepared`). */
const preparedNames = new Map<string, string>();

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
  pool.on('connect', (client) => {
    // Kysely calls query(text, values); a registered text runs under its name, so this connection
    // parses and plans it once (pg sends Parse only the first time per connection and name).
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, ...rest: unknown[]) => {
      const name = typeof text === 'string' ? preparedNames.get(text) : undefined;
      return name ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
    }) as typeof client.query;
  });
  const dialect = options.rowScoped
    ? new (class extends PostgresDialect {
        override createDriver() {
          return new RowScopedDriver({ pool });
        }
      })({ pool })
    : new PostgresDialect({ pool });
  return { db: new Kysely<Database>({ dialect }), pool };
}

/** A pooled connection that knows whether it is inside a transaction. */
class ScopedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly inner: DatabaseConnection) {}

  /**
   * Outside a transaction, a statement on tenant-owned tables under a scope runs in a transaction
   * of its own that sets the scope first; any other statement runs as it is.
   */
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const scope = this.inTransaction ? null : currentRowScope();
    if (!scope || !touchesTenantRows(query.sql)) return this.inner.executeQuery<R>(query);
    await this.inner.executeQuery(CompiledQuery.raw(`BEGIN; ${rowScopeSettingsSql(scope)}`));
    try {
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('COMMIT'));
      return result;
    } catch (err) {
      await this.inner.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
      throw err;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely's PostgreSQL driver, plus the row scope: every transaction starts with
 * `BEGIN; SELECT set_config('mg.…', …, true), …` in one message, carrying the scope of the code
 * that opened it (`row-scope.ts`), so the policies of migration 0011 see exactly that scope and
 * it ends with the transaction. Without a scope nothing is set and no tenant row is visible.
 */
class RowScopedDriver extends PostgresDriver {
  readonly #wrapped = new WeakMap<DatabaseConnection, ScopedConnection>();
  readonly #inner = new WeakMap<ScopedConnection, DatabaseConnection>();

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    let connection = this.#wrapped.get(inner);
    if (!connection) {
      connection = new ScopedConnection(inner);
      this.#wrapped.set(inner, connection);
      this.#inner.set(connection, inner);
    }
    return connection;
  }

  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await super.releaseConnection((this.#inner.get(scoped) ?? connection) as never);
  }

  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const scoped = connection as ScopedConnection;
    const scope = currentRowScope();
    let begin = 'BEGIN';
    if (settings.isolationLevel) begin += ` ISOLATION LEVEL ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
    await scoped.inner.executeQuery(
      CompiledQuery.raw(scope ? `${begin}; ${rowScopeSettingsSql(scope)}` : begin),
    );
    scoped.inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await scoped.inner.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await scoped.inner.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
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
