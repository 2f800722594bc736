import { type Kysely, sql } from 'kysely';

/**
 * The rate-limit counters (migration 0010) are UNLOGGED: they live one minute, so they need no
 * write-ahead log. Every sign-in, reset request and link opened counts in this table, and without
 * it the counters were a good part of the disk writes of a burst of sign-ins. After a crash
 * PostgreSQL starts them empty, and a standby does not hold them — a window that starts over,
 * which is what the limit tolerates anyway.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET UNLOGGED`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET LOGGED`.execute(db);
}
