import { type Kysely, sql } from 'kysely';

/**
 * Second factors (ID-4, ID-5): TOTP, mail / SMS codes, mobile verification, recovery codes, the
 * login attempt between password and second factor, re-authentication and the organisation's
 * MFA policy.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN mfa_method text CHECK (mfa_method IN ('totp', 'mail', 'sms', 'passkey', 'certificate')),
      ADD COLUMN mfa_enrolment_required boolean NOT NULL DEFAULT false,
      ADD COLUMN mobile_verified_at timestamptz,
      ADD COLUMN totp_secret text,
      ADD COLUMN totp_enrolled_at timestamptz,
      ADD COLUMN totp_pending_secret text,
      ADD COLUMN totp_pending_at timestamptz,
      ADD COLUMN last_totp_step bigint`.execute(db);

  await sql`ALTER TABLE sessions ADD COLUMN reauth_at timestamptz`.execute(db);

  await sql`
    CREATE TABLE login_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      methods text[] NOT NULL,
      failed_count integer NOT NULL DEFAULT 0,
      send_count integer NOT NULL DEFAULT 0,
      last_sent_at timestamptz,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX login_attempts_user_idx ON login_attempts (user_id)`.execute(db);

  await sql`
    CREATE TABLE one_time_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      purpose text NOT NULL CHECK (purpose IN ('login', 'mobile')),
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      login_attempt_id bigint REFERENCES login_attempts (id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('mail', 'sms')),
      recipient text NOT NULL,
      code_hash text NOT NULL,
      failed_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CHECK ((purpose = 'login') = (login_attempt_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX one_time_codes_attempt_idx ON one_time_codes (login_attempt_id)`.execute(db);
  await sql`CREATE INDEX one_time_codes_user_idx ON one_time_codes (user_id, purpose, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE recovery_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      used_at timestamptz,
      UNIQUE (user_id, code_hash)
    )`.execute(db);

  await sql`
    CREATE TABLE organization_mfa_policies (
      organization_id bigint PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      require_mfa boolean NOT NULL DEFAULT false,
      allowed_methods text[] NOT NULL
        CHECK (allowed_methods <@ ARRAY['totp', 'mail', 'sms', 'passkey', 'certificate']::text[]
               AND cardinality(allowed_methods) >= 1),
      require_certificate_for_admins boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by bigint REFERENCES users (id)
    )`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['organization_mfa_policies', 'recovery_codes', 'one_time_codes', 'login_attempts']) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
  await sql`ALTER TABLE sessions DROP COLUMN reauth_at`.execute(db);
  await sql`
    ALTER TABLE users
      DROP COLUMN mfa_method, DROP COLUMN mfa_enrolment_required, DROP COLUMN mobile_verified_at,
      DROP COLUMN totp_secret, DROP COLUMN totp_enrolled_at, DROP COLUMN totp_pending_secret,
      DROP COLUMN totp_pending_at, DROP COLUMN last_totp_step`.execute(db);
}
