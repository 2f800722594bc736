import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import pg from 'pg';
import { statementNameFor } from './prepared-statements.js';
import {
  currentRowScope,
  type RowScope,
  rowScopeSettings,
  rowScopeSettingsSql,
  rowScopeValues,
  touchesTenantRows,
} from './row-scope.js';

/** One statement that changed rows, reported once its transaction committed. */
export type CommittedWrite = { table: string; sql: string };
type WriteListener = (writes: CommittedWrite[]) => void;
const writeListeners = new Set<WriteListener>();

/**
 * Calls `listener` after every commit, in this process, of statements that inserted, updated or
 * deleted rows through any pool of `createDb`, with their tables. Returns the unsubscribe
 * function. The session cache uses it to forget at once what a write changed.
 */
export function onCommittedWrites(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** Every table a statement writes, its data-modifying CTEs included. */
const writePattern = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/gi;

const report = (writes: CommittedWrite[]) => {
  if (writes.length) for (const listener of writeListeners) listener(writes);
};

/** The named statement that sets a row scope, prepared once per connection. */
const SCOPE_STATEMENT = 'mg_row_scope';
const SCOPE_SQL = `SELECT ${rowScopeSettings
  .map((key, i) => `set_config('mg.${key}', $${i + 1}, true)`)
  .join(', ')}`;

type WireConnection = {
  parse: (m: { text: string; name: string; types: unknown[] }) => void;
  bind: (m: {
    portal: string;
    statement: string;
    values: unknown[];
    binary: boolean;
    valueMapper?: unknown;
  }) => void;
  execute: (m: { portal: string; rows: number }) => void;
};
const scopePrepared = new WeakSet<object>();
const BaseQuery = (pg as unknown as { Query: new (config: object) => object }).Query;

/**
 * A statement outside any transaction that runs under a scope: the scope's `set_config(…, true)`
 * and the statement go out in one pipeline (Parse/Bind/Execute of both, then one Sync), so they
 * share the implicit transaction that Sync ends: the settings are transaction-local and cost no
 * round trip of their own. The set_config row and its completion are not part of the result.
 */
class ScopedQuery extends BaseQuery {
  #scopeDone = false;
  constructor(
    config: { text: string; values: unknown[]; name?: string; callback: unknown },
    private readonly scopeValues: string[],
  ) {
    super(config);
  }
  requiresPreparation() {
    return true;
  }
  prepare(connection: WireConnection) {
    if (!scopePrepared.has(connection)) {
      connection.parse({ text: SCOPE_SQL, name: SCOPE_STATEMENT, types: [] });
      scopePrepared.add(connection);
    }
    connection.bind({ portal: '', statement: SCOPE_STATEMENT, values: this.scopeValues, binary: false });
    connection.execute({ portal: '', rows: 0 });
    (BaseQuery.prototype as unknown as { prepare: (c: WireConnection) => void }).prepare.call(
      this,
      connection,
    );
  }
  handleDataRow(msg: unknown) {
    if (this.#scopeDone)
      (BaseQuery.prototype as unknown as { handleDataRow: (m: unknown) => void }).handleDataRow.call(
        this,
        msg,
      );
  }
  handleCommandComplete(msg: unknown, connection: unknown) {
    if (!this.#scopeDone) {
      this.#scopeDone = true;
      return;
    }
    (
      BaseQuery.prototype as unknown as { handleCommandComplete: (m: unknown, c: unknown) => void }
    ).handleCommandComplete.call(this, msg, connection);
  }
}

/** A pooled connection that knows whether it is inside a transaction, and what it wrote there. */
class ScopedConnection implements DatabaseConnection {
  inTransaction = false;
  /** Writes of the open transaction, reported when it commits. */
  writes: CommittedWrite[] = [];
  constructor(
    readonly client: pg.PoolClient,
    private readonly rowScoped: boolean,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { command, rowCount, rows } = await this.run(query);
    const writes = [...query.sql.matchAll(writePattern)].map((m) => ({
      table: m[1]!.toLowerCase(),
      sql: query.sql,
    }));
    if (writes.length) {
      if (this.inTransaction) this.writes.push(...writes);
      else report(writes);
    }
    return {
      numAffectedRows: ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(command)
        ? BigInt(rowCount ?? 0)
        : undefined,
      rows: (rows ?? []) as R[],
    };
  }

  /**
   * Outside a transaction, a statement on tenant-owned tables under a scope carries the scope
   * (`ScopedQuery`); any other statement runs as it is.
   */
  private run(query: CompiledQuery): Promise<pg.QueryResult> {
    const text = query.sql;
    const values = [...query.parameters];
    const name = statementNameFor(text);
    const scope = this.inTransaction || !this.rowScoped ? null : currentRowScope();
    if (!scope || !touchesTenantRows(text)) return this.client.query({ text, values, name });
    return new Promise((resolve, reject) => {
      const callback = (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result));
      const scoped = new ScopedQuery({ text, values, name, callback }, rowScopeValues(scope));
      this.client.query(scoped as unknown as pg.QueryConfig);
    });
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by this driver');
  }
}

/**
 * A Kysely driver over a pg pool that adds the row scope: every transaction starts with
 * `BEGIN; SELECT set_config('mg.…', …, true), …` in one message, carrying the scope of the code
 * that opened it (`row-scope.ts`), and a statement outside a transaction carries it in its own
 * pipeline (`ScopedQuery`), so the policies of migration 0011 see exactly that scope and it ends
 * with the transaction. Without a scope nothing is set: no tenant row is visible. Every pool (row-scoped or the owner's) reports its committed writes
 * (`onCommittedWrites`).
 */
export class RowScopedDriver implements Driver {
  constructor(private readonly config: { pool: pg.Pool; rowScoped: boolean }) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ScopedConnection(await this.config.pool.connect(), this.config.rowScoped);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as ScopedConnection).client.release();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scoped = connection as ScopedConnection;
    let begin = 'BEGIN';
    if (settings.isolationLevel) begin += ` ISOLATION LEVEL ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
    const scope: RowScope | null = this.config.rowScoped ? currentRowScope() : null;
    await scoped.client.query(scope ? `${begin}; ${rowScopeSettingsSql(scope)}` : begin);
    scoped.inTransaction = true;
    scoped.writes = [];
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await scoped.client.query('COMMIT');
    const writes = scoped.writes;
    scoped.writes = [];
    report(writes);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    scoped.writes = [];
    await scoped.client.query('ROLLBACK');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as ScopedConnection).client.query(`SAVEPOINT ${pg.escapeIdentifier(name)}`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as ScopedConnection).client.query(`ROLLBACK TO SAVEPOINT ${pg.escapeIdentifier(name)}`);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as ScopedConnection).client.query(`RELEASE SAVEPOINT ${pg.escapeIdentifier(name)}`);
  }

  async destroy(): Promise<void> {
    await this.config.pool.end();
  }
}
