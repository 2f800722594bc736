import { type Kysely, sql } from 'kysely';

/*
 * Row-level security for the tenant-owned tables created here (user_groups):
 * ENABLE and FORCE ROW LEVEL SECURITY and their policy come in 0011_row_level_security, written
 * after them. A new table gets both in its own migration (ARCHITECTURE.md, "How to add a
 * tenant-owned module").
 */
/** Accounts and passwords (ID-2, 3, 6, 7, 10–13, 17): profile fields, lockout, policies, links, terms, groups. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN title text CHECK (char_length(title) <= 100),
      ADD COLUMN phone text CHECK (char_length(phone) <= 20),
      ADD COLUMN mobile text CHECK (char_length(mobile) <= 20),
      ADD COLUMN company text CHECK (char_length(company) <= 100),
      ADD COLUMN department text CHECK (char_length(department) <= 100),
      ADD COLUMN note text CHECK (char_length(note) <= 1000),
      ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
      ADD COLUMN locked_until timestamptz,
      ADD COLUMN password_changed_at timestamptz,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`.execute(db);

  await sql`
    ALTER TABLE memberships
      ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
      ADD COLUMN comment text CHECK (char_length(comment) <= 500),
      ADD COLUMN disabled_at timestamptz`.execute(db);

  await sql`
    ALTER TABLE invitations
      ADD COLUMN kind text NOT NULL DEFAULT 'signup' CHECK (kind IN ('signup', 'activation')),
      ADD COLUMN user_id bigint REFERENCES users (id) ON DELETE CASCADE,
      ADD COLUMN membership_id bigint REFERENCES memberships (id) ON DELETE CASCADE,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN failed_checks integer NOT NULL DEFAULT 0`.execute(db);
  await sql`CREATE INDEX invitations_membership_idx ON invitations (membership_id)`.execute(db);

  await sql`
    CREATE TABLE password_policies (
      organization_id bigint PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      profile text NOT NULL CHECK (profile IN ('standard', 'nist')),
      min_length integer NOT NULL CHECK (min_length BETWEEN 8 AND 64),
      require_lower boolean NOT NULL,
      require_upper boolean NOT NULL,
      require_digit boolean NOT NULL,
      require_symbol boolean NOT NULL,
      history_count integer NOT NULL CHECK (history_count BETWEEN 0 AND 24),
      lockout_threshold integer NOT NULL DEFAULT 10 CHECK (lockout_threshold BETWEEN 3 AND 100),
      lockout_minutes integer NOT NULL DEFAULT 60 CHECK (lockout_minutes BETWEEN 1 AND 1440),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by bigint REFERENCES users (id)
    )`.execute(db);

  await sql`
    CREATE TABLE password_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX password_history_user_idx ON password_history (user_id, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE password_resets (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL,
      ip text
    )`.execute(db);
  await sql`CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at DESC)`.execute(db);

  await sql`
    CREATE TABLE terms_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      version integer NOT NULL UNIQUE,
      title_ja text NOT NULL CHECK (char_length(title_ja) BETWEEN 1 AND 200),
      title_en text NOT NULL CHECK (char_length(title_en) BETWEEN 1 AND 200),
      body_ja text NOT NULL CHECK (char_length(body_ja) BETWEEN 1 AND 100000),
      body_en text NOT NULL CHECK (char_length(body_en) BETWEEN 1 AND 100000),
      published_at timestamptz NOT NULL,
      published_by bigint REFERENCES users (id)
    )`.execute(db);

  await sql`
    CREATE TABLE terms_acceptances (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      terms_version_id bigint NOT NULL REFERENCES terms_versions (id),
      accepted_at timestamptz NOT NULL,
      ip text,
      PRIMARY KEY (user_id, terms_version_id)
    )`.execute(db);

  await sql`
    CREATE TABLE user_groups (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint REFERENCES organizations (id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX user_groups_name_key ON user_groups (organization_id, lower(name))`.execute(
    db,
  );

  await sql`
    CREATE TABLE user_group_members (
      group_id bigint NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX user_group_members_user_idx ON user_group_members (user_id)`.execute(db);
  await sql`CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'user_group_members',
    'user_groups',
    'terms_acceptances',
    'terms_versions',
    'password_resets',
    'password_history',
    'password_policies',
  ]) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
}
