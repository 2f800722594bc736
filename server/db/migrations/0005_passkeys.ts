import { type Kysely, sql } from 'kysely';

/**
 * Passkeys (WebAuthn second factor): the users' credentials and the pending challenges. A
 * challenge is bound to what asked for it — the session that registers a passkey, or the login
 * attempt that answers with one — expires, and is deleted when used.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE passkeys (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      credential_id text NOT NULL UNIQUE CHECK (char_length(credential_id) <= 1400),
      public_key bytea NOT NULL,
      counter bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
      transports text[] NOT NULL DEFAULT '{}',
      device_type text NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
      backed_up boolean NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
      created_at timestamptz NOT NULL,
      last_used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX passkeys_user_idx ON passkeys (user_id, id)`.execute(db);

  await sql`
    CREATE TABLE webauthn_challenges (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      purpose text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
      bound_to text NOT NULL CHECK (char_length(bound_to) <= 128),
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      challenge text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (purpose, bound_to)
    )`.execute(db);
  await sql`CREATE INDEX webauthn_challenges_expiry_idx ON webauthn_challenges (expires_at)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE webauthn_challenges`.execute(db);
  await sql`DROP TABLE passkeys`.execute(db);
}
