import { type Kysely, sql } from 'kysely';

/**
 * Rate limits shared by every process of the portal (the login, password reset and link routes):
 * one row per route and client address holding the count of its current window.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE rate_limits (
      bucket text NOT NULL,
      client_key text NOT NULL,
      window_start timestamptz NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (bucket, client_key)
    )`.execute(db);
  await sql`CREATE INDEX rate_limits_window_start ON rate_limits (window_start)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE rate_limits`.execute(db);
}
