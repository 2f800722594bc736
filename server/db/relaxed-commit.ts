import { sql } from 'kysely';

/**
 * A CTE body (`db.with('relaxed', () => relaxedCommit)`) that makes the statement's own commit
 * not wait for the disk: `synchronous_commit` off for this transaction only. For writes that may
 * be lost in a crash without harm (a rate-limit count, a sign-in nothing durable has followed yet;
 * any later durable commit flushes them with it). The statement must read from the CTE, or it is
 * not run.
 */
export const relaxedCommit = sql<{
  relaxed: string;
}>`(SELECT set_config('synchronous_commit', 'off', true) AS relaxed)`;

/** The same CTE body for a statement that must wait for the disk as usual. */
export const durableCommit = sql<{ relaxed: string }>`(SELECT '' AS relaxed)`;
