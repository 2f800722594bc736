import { type Kysely, sql } from 'kysely';

/*
 * Row-level security for the tenant-owned tables created here (certificates, account_requests):
 * ENABLE and FORCE ROW LEVEL SECURITY and their policy come in 0011_row_level_security, written
 * after them. A new table gets both in its own migration (ARCHITECTURE.md, "How to add a
 * tenant-owned module").
 */
/**
 * Client certificates and account procedures (ID-15, ID-16): the portal CA (key encrypted),
 * issued certificates, the customer's support ID and trial flag, account requests and one-time
 * download links.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE organizations
      ADD COLUMN support_id text UNIQUE CHECK (support_id ~ '^SUP-[0-9A-Z]{8}$'),
      ADD COLUMN trial boolean NOT NULL DEFAULT false`.execute(db);

  await sql`
    CREATE TABLE certificate_authorities (
      purpose text PRIMARY KEY CHECK (purpose IN ('client')),
      certificate_pem text NOT NULL,
      encrypted_key text NOT NULL,
      created_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE certificates (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint REFERENCES organizations (id),
      serial text NOT NULL UNIQUE,
      fingerprint text NOT NULL UNIQUE,
      subject text NOT NULL,
      certificate_pem text NOT NULL,
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      issued_at timestamptz NOT NULL,
      issued_by bigint REFERENCES users (id) ON DELETE SET NULL,
      revoked_at timestamptz,
      revoked_by bigint REFERENCES users (id) ON DELETE SET NULL,
      revocation_reason text CHECK (revocation_reason IN ('revoked', 'reissued'))
    )`.execute(db);
  await sql`CREATE INDEX certificates_user_idx ON certificates (user_id, organization_id)`.execute(db);

  await sql`
    CREATE TABLE account_requests (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint REFERENCES organizations (id),
      kind text NOT NULL CHECK (kind IN ('reset_admin_password', 'reissue_certificate')),
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress', 'done')),
      requested_by bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      target_user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      started_by bigint REFERENCES users (id) ON DELETE SET NULL,
      completed_at timestamptz,
      completed_by bigint REFERENCES users (id) ON DELETE SET NULL
    )`.execute(db);
  await sql`CREATE INDEX account_requests_org_idx ON account_requests (organization_id, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX account_requests_status_idx ON account_requests (status, created_at)`.execute(db);

  await sql`
    CREATE TABLE downloads (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      account_request_id bigint REFERENCES account_requests (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('certificate', 'temporary_password')),
      file_name text,
      encrypted_payload text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL
    )`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['downloads', 'account_requests', 'certificates', 'certificate_authorities']) {
    await db.schema.dropTable(t).execute();
  }
  await sql`ALTER TABLE organizations DROP COLUMN support_id, DROP COLUMN trial`.execute(db);
}
