import { sql } from 'kysely';
import type { Db } from '../db/pool.js';
import { relaxedCommit } from '../db/relaxed-commit.js';

type Counted = { current: number; ttl: number };
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/** Rows whose window ended longer ago than this are deleted (every window here is far shorter). */
const KEEP_MS = 60 * 60_000;
/** At most one clean-up per process in this time. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The counters of @fastify/rate-limit in PostgreSQL, so every process behind the proxy counts
 * against the same limit (an in-memory store would allow the limit once per process). One row per
 * route and client address: a request in its window adds one, atomically under the row lock; the
 * first request after the window starts a new one (the plugin's own store behaves the same).
 */
export function postgresRateLimitStore(db: Db) {
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    db.deleteFrom('rate_limits')
      .where('window_start', '<', new Date(now - KEEP_MS))
      .execute()
      .catch(() => {
        // A failed clean-up is retried by a later request; counting goes on meanwhile.
      });
  };

  return class PostgresRateLimitStore {
    private readonly bucket: string;

    /** The plugin constructs the root store with its options, and a child per route. */
    constructor(bucket?: unknown) {
      this.bucket = typeof bucket === 'string' ? bucket : '';
    }

    incr(key: string, callback: (err: Error | null, result?: Counted) => void, timeWindow = 60_000): void {
      const now = Date.now();
      const start = new Date(now);
      const expired = sql<boolean>`rate_limits.window_start <= ${new Date(now - timeWindow)}::timestamptz`;
      // A count lost in a crash does no harm: its commit does not wait for the disk (and the
      // requests of one address, which all lock this row, do not queue behind each other's flush).
      db.with('relaxed', () => relaxedCommit)
        .insertInto('rate_limits')
        .columns(['bucket', 'client_key', 'window_start', 'count'])
        .expression((eb) =>
          eb
            .selectFrom('relaxed')
            .select([
              sql<string>`${this.bucket}::text`.as('bucket'),
              sql<string>`${key}::text`.as('client_key'),
              sql<Date>`${start}::timestamptz`.as('window_start'),
              sql<number>`1`.as('count'),
            ]),
        )
        .onConflict((oc) =>
          oc.columns(['bucket', 'client_key']).doUpdateSet({
            count: sql<number>`CASE WHEN ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
            window_start: sql<Date>`CASE WHEN ${expired} THEN ${start}::timestamptz ELSE rate_limits.window_start END`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow()
        .then((row) => {
          sweep(now);
          callback(null, {
            current: row.count,
            ttl: Math.max(0, row.window_start.getTime() + timeWindow - now),
          });
        }, callback);
    }

    /** Typed as route options; at run time the route's merged limit options, with `routeInfo`. */
    child(params: object): PostgresRateLimitStore {
      const { method, url } = (params as RouteParams).routeInfo ?? {};
      return new PostgresRateLimitStore(`${[method].flat().join(',')} ${url ?? ''}`);
    }
  };
}
