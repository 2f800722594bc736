import { type Kysely, sql } from 'kysely';

/*
 * Row-level security for the tenant-owned tables created here (organizations, memberships, invitations, audit_events, outbox):
 * ENABLE and FORCE ROW LEVEL SECURITY and their policy come in 0011_row_level_security, written
 * after them. A new table gets both in its own migration (ARCHITECTURE.md, "How to add a
 * tenant-owned module").
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE SEQUENCE tenant_code_seq START 8000001`.execute(db);
  await sql`CREATE SEQUENCE customer_code_seq START 1`.execute(db);

  await sql`
    CREATE TABLE organizations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('operator', 'partner', 'customer')),
      code text NOT NULL UNIQUE,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 255),
      tenant_id bigint REFERENCES organizations (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'operator' AND tenant_id IS NULL) OR kind = 'partner' OR (kind = 'customer' AND tenant_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX organizations_tenant_idx ON organizations (tenant_id, kind)`.execute(db);
  await sql`CREATE INDEX organizations_name_trgm ON organizations USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX organizations_kind_created_idx ON organizations (kind, created_at)`.execute(db);

  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL CHECK (char_length(email) <= 255),
      name text NOT NULL CHECK (char_length(name) <= 100),
      password_hash text,
      locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
      time_zone text NOT NULL DEFAULT 'Asia/Tokyo',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`.execute(db);

  await sql`
    CREATE TABLE memberships (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint REFERENCES organizations (id),
      role text NOT NULL CHECK (role IN ('operator_admin', 'support_agent', 'admin', 'member')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, organization_id)
    )`.execute(db);
  await sql`CREATE INDEX memberships_organization_idx ON memberships (organization_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      membership_id bigint REFERENCES memberships (id) ON DELETE SET NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE invitations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint REFERENCES organizations (id),
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('operator_admin', 'support_agent', 'admin', 'member')),
      token_hash text NOT NULL UNIQUE,
      invited_by bigint REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_user_id bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX invitations_organization_idx ON invitations (organization_id, created_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      actor_user_id bigint REFERENCES users (id),
      organization_id bigint REFERENCES organizations (id),
      tenant_id bigint REFERENCES organizations (id),
      action text NOT NULL,
      target_type text,
      target_id text,
      ip text,
      details jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, occurred_at)`.execute(db);

  await sql`
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('mail', 'sms')),
      recipient text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('ja', 'en')),
      template text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      tenant_id bigint REFERENCES organizations (id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE status = 'pending'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'outbox',
    'audit_events',
    'invitations',
    'sessions',
    'memberships',
    'users',
    'organizations',
  ]) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
  await sql`DROP SEQUENCE customer_code_seq`.execute(db);
  await sql`DROP SEQUENCE tenant_code_seq`.execute(db);
}
