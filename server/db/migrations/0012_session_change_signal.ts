import { type Kysely, sql } from 'kysely';

/**
 * Every process keeps signed-in sessions in memory for a moment (`platform/auth/session-cache.ts`).
 * A change to what a session lookup reads — the session itself (revoked, another membership), the
 * user, their memberships and organisations, certificates, terms — notifies every process on
 * `mg_session_changed` when it commits, and each forgets what it kept. Recording activity
 * (`last_seen_at`) and opening a session change nothing another session relies on.
 */
export const SESSION_CHANGED_CHANNEL = 'mg_session_changed';

const triggers: { table: string; events: string }[] = [
  { table: 'sessions', events: 'UPDATE OF revoked_at, membership_id, expires_at, certificate_id OR DELETE' },
  // The user's columns a session lookup reads (not the sign-in's own last_login_at, failure count).
  {
    table: 'users',
    events:
      'UPDATE OF email, name, locale, time_zone, status, must_change_password, mfa_enrolment_required OR DELETE',
  },
  { table: 'memberships', events: 'INSERT OR UPDATE OR DELETE' },
  { table: 'organizations', events: 'UPDATE OR DELETE' },
  { table: 'certificates', events: 'UPDATE OR DELETE' },
  { table: 'terms_versions', events: 'INSERT OR UPDATE OR DELETE' },
  { table: 'terms_acceptances', events: 'INSERT OR DELETE' },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION mg_notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify(${sql.lit(SESSION_CHANGED_CHANNEL)}, '');
      RETURN NULL;
    END $$`.execute(db);
  for (const t of triggers)
    await sql`CREATE TRIGGER session_changed AFTER ${sql.raw(t.events)} ON ${sql.id(t.table)}
      FOR EACH STATEMENT EXECUTE FUNCTION mg_notify_session_changed()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of triggers) await sql`DROP TRIGGER session_changed ON ${sql.id(t.table)}`.execute(db);
  await sql`DROP FUNCTION mg_notify_session_changed()`.execute(db);
}
