import { type Kysely, sql } from 'kysely';

/**
 * Sessions opened with a client certificate (ID-15): the session and the login attempt before it
 * remember which certificate was verified with the password, so revoking or reissuing it ends
 * them; a second CA row (purpose 'server') issues the mutual-TLS listener's own certificate.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE sessions
      ADD COLUMN certificate_id bigint REFERENCES certificates (id) ON DELETE CASCADE`.execute(db);
  await sql`CREATE INDEX sessions_certificate_idx ON sessions (certificate_id) WHERE certificate_id IS NOT NULL`.execute(
    db,
  );
  await sql`
    ALTER TABLE login_attempts
      ADD COLUMN certificate_id bigint REFERENCES certificates (id) ON DELETE CASCADE`.execute(db);
  await sql`
    ALTER TABLE certificate_authorities
      DROP CONSTRAINT certificate_authorities_purpose_check,
      ADD CONSTRAINT certificate_authorities_purpose_check CHECK (purpose IN ('client', 'server'))`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM certificate_authorities WHERE purpose = 'server'`.execute(db);
  await sql`
    ALTER TABLE certificate_authorities
      DROP CONSTRAINT certificate_authorities_purpose_check,
      ADD CONSTRAINT certificate_authorities_purpose_check CHECK (purpose IN ('client'))`.execute(db);
  await sql`ALTER TABLE login_attempts DROP COLUMN certificate_id`.execute(db);
  await sql`ALTER TABLE sessions DROP COLUMN certificate_id`.execute(db);
}
