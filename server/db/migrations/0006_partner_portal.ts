import { type Kysely, sql } from 'kysely';

/*
 * Row-level security for the tenant-owned tables created here (customers, tenant_settings, tenant_referrer_urls, tenant_links, tenant_application_fields, notification_addresses, mail_templates):
 * ENABLE and FORCE ROW LEVEL SECURITY and their policy come in 0011_row_level_security, written
 * after them. A new table gets both in its own migration (ARCHITECTURE.md, "How to add a
 * tenant-owned module").
 */
/**
 * The partner portal (PP-1, PP-4, PP-6, PP-7, PP-8, CU-1 … CU-6, OP-1): the customer profile of a
 * customer organisation, the user ID shown for login users (`YW499776`), tenant settings and
 * their lists (referrer URLs, links, additional application fields), notification addresses and
 * the tenants' customised mail templates.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // Partial name search with an index also for 2-character terms (trigrams need 3): the distinct
  // lower-cased bigrams of a name; `name_bigrams(name) @> name_bigrams(term)` narrows, ILIKE checks.
  // PL/pgSQL rather than a SQL aggregate: about five times faster per name (index upkeep, and any
  // plan that evaluates it per row).
  await sql`
    CREATE FUNCTION name_bigrams(t text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE l text := lower(t); r text[] := '{}'; b text;
    BEGIN
      FOR i IN 1 .. char_length(l) - 1 LOOP
        b := substr(l, i, 2);
        IF NOT (b = ANY (r)) THEN r := r || b; END IF;
      END LOOP;
      RETURN r;
    END $$`.execute(db);
  await sql`CREATE INDEX organizations_name_bigrams ON organizations USING gin (name_bigrams(name))`.execute(
    db,
  );
  // A one-character term (テナント横断検索 with e.g. 「光」) has no bigram: the distinct lower-cased
  // characters of customer names narrow it the same way (`name_chars(name) @> ARRAY[lower(c)]`).
  await sql`
    CREATE FUNCTION name_chars(t text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE l text := lower(t); r text[] := '{}'; c text;
    BEGIN
      FOR i IN 1 .. char_length(l) LOOP
        c := substr(l, i, 1);
        IF NOT (c = ANY (r)) THEN r := r || c; END IF;
      END LOOP;
      RETURN r;
    END $$`.execute(db);
  await sql`
    CREATE INDEX organizations_customer_name_chars ON organizations USING gin (name_chars(name))
    WHERE kind = 'customer'`.execute(db);
  // 顧客管理 (CU-1) searches one tenant's customers: the same bigrams prefixed with the tenant id
  // (`1:電機`), so the index finds only that tenant's names — the work grows with the tenant, not
  // with the whole installation (`tenant_name_bigrams(tenant_id, name) @> tenant_name_bigrams(:t, :term)`).
  await sql`
    CREATE FUNCTION tenant_name_bigrams(tenant bigint, t text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE l text := lower(t); p text := tenant::text || ':'; r text[] := '{}'; b text;
    BEGIN
      FOR i IN 1 .. char_length(l) - 1 LOOP
        b := p || substr(l, i, 2);
        IF NOT (b = ANY (r)) THEN r := r || b; END IF;
      END LOOP;
      RETURN r;
    END $$`.execute(db);
  await sql`
    CREATE INDEX organizations_customer_tenant_name_bigrams ON organizations
    USING gin (tenant_name_bigrams(tenant_id, name)) WHERE kind = 'customer'`.execute(db);

  // ユーザID (`001 §7.4.4`): two capital letters and six digits, drawn at random, unique.
  await sql`
    CREATE FUNCTION new_user_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
    DECLARE c text;
    BEGIN
      LOOP
        c := chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)
          || lpad(floor(random() * 1000000)::int::text, 6, '0');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM users WHERE code = c);
      END LOOP;
      RETURN c;
    END $$`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN code text`.execute(db);
  await sql`UPDATE users SET code = new_user_code()`.execute(db);
  await sql`
    ALTER TABLE users
      ALTER COLUMN code SET DEFAULT new_user_code(),
      ALTER COLUMN code SET NOT NULL,
      ADD CONSTRAINT users_code_key UNIQUE (code),
      ADD CONSTRAINT users_code_check CHECK (code ~ '^[A-Z]{2}[0-9]{6}$')`.execute(db);

  // ログインユーザ (CU-6) have a family and a given name of up to 256 characters each; \`name\`
  // stays the display name (family + space + given for those users).
  await sql`
    ALTER TABLE users
      DROP CONSTRAINT users_name_check,
      ADD CONSTRAINT users_name_check CHECK (char_length(name) <= 513),
      ADD COLUMN family_name text CHECK (char_length(family_name) <= 256),
      ADD COLUMN given_name text CHECK (char_length(given_name) <= 256)`.execute(db);

  // 顧客 (CU-2): one row per customer organisation; name and code stay in organizations.
  await sql`
    CREATE TABLE customers (
      id bigint PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      tenant_id bigint NOT NULL REFERENCES organizations (id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'cancelled')),
      memo1 text CHECK (char_length(memo1) <= 255),
      memo2 text CHECK (char_length(memo2) <= 255),
      memo3 text CHECK (char_length(memo3) <= 255),
      contact_family_name text NOT NULL CHECK (char_length(contact_family_name) BETWEEN 1 AND 100),
      contact_given_name text NOT NULL CHECK (char_length(contact_given_name) BETWEEN 1 AND 100),
      department text CHECK (char_length(department) <= 40),
      title text CHECK (char_length(title) <= 255),
      email text NOT NULL CHECK (char_length(email) <= 255),
      postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
      prefecture text NOT NULL,
      address text NOT NULL CHECK (char_length(address) BETWEEN 1 AND 100),
      phone text NOT NULL CHECK (phone ~ '^[0-9]{1,15}$'),
      balance bigint NOT NULL DEFAULT 0,
      last_billed_on date,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX customers_tenant_phone_idx ON customers (tenant_id, phone)`.execute(db);
  await sql`CREATE INDEX customers_phone_idx ON customers (phone)`.execute(db);
  await sql`CREATE INDEX customers_tenant_status_idx ON customers (tenant_id, status)`.execute(db);
  // A tenant's customers in company-ID order (list page 1 walks it and stops after one page). The
  // code is in the "C" collation, and the list orders by `code COLLATE "C"` (the same order for
  // `A` + digits): only this index can give that order, so the planner never walks the global
  // unique code index instead, through every other tenant's customers.
  await sql`CREATE INDEX organizations_tenant_kind_code_idx ON organizations (tenant_id, kind, code COLLATE "C")`.execute(
    db,
  );
  // Customers created before this migration get a profile to complete (placeholders).
  await sql`
    INSERT INTO customers (id, tenant_id, contact_family_name, contact_given_name, email, postal_code,
                           prefecture, address, phone, created_at, updated_at)
    SELECT id, tenant_id, '未設定', '未設定', 'unset@example.invalid', '000-0000', '東京都', '未設定',
           '0000000000', created_at, created_at
    FROM organizations WHERE kind = 'customer'`.execute(db);

  // Deleting a customer (CU-5) removes its organisation and the login users left without any
  // membership (CU-6). History that names them stays, without the reference: audit events keep
  // target_id and tenant_id, invitations and policies lose only who sent / changed them.
  await setHistoryReferences(db, 'ON DELETE SET NULL');

  // テナント設定 (PP-4) and the operator's part of it (PP-8 support page). No row = defaults.
  await sql`
    CREATE TABLE tenant_settings (
      tenant_id bigint PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      utm_application_enabled boolean NOT NULL DEFAULT false,
      contract_check_exempt_days integer NOT NULL DEFAULT 20
        CHECK (contract_check_exempt_days BETWEEN 0 AND 99),
      manuals_url text CHECK (char_length(manuals_url) <= 255),
      support_contact_email text CHECK (char_length(support_contact_email) <= 255),
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE tenant_referrer_urls (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      position integer NOT NULL,
      url text NOT NULL CHECK (char_length(url) <= 255),
      UNIQUE (tenant_id, position)
    )`.execute(db);
  await sql`
    CREATE TABLE tenant_links (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      url text NOT NULL CHECK (char_length(url) <= 255),
      description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 255),
      published_on date NOT NULL,
      UNIQUE (tenant_id, position)
    )`.execute(db);
  await sql`
    CREATE TABLE tenant_application_fields (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
      required boolean NOT NULL DEFAULT false,
      type text NOT NULL CHECK (type IN ('text', 'select')),
      options text[] NOT NULL DEFAULT '{}',
      UNIQUE (tenant_id, position)
    )`.execute(db);

  // 通知先メールアドレス (PP-6): up to three per tenant; counts only once verified.
  await sql`
    CREATE TABLE notification_addresses (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      slot smallint NOT NULL CHECK (slot BETWEEN 1 AND 3),
      email text NOT NULL CHECK (char_length(email) <= 255),
      verified_at timestamptz,
      token_hash text UNIQUE,
      token_expires_at timestamptz,
      created_at timestamptz NOT NULL,
      UNIQUE (tenant_id, slot)
    )`.execute(db);

  // メールテンプレート (PP-7): a row exists only for a customised template (else the default).
  await sql`
    CREATE TABLE mail_templates (
      tenant_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      template text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('ja', 'en')),
      subject text NOT NULL CHECK (char_length(subject) <= 255),
      body text NOT NULL CHECK (char_length(body) <= 10000),
      updated_at timestamptz NOT NULL,
      updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
      PRIMARY KEY (tenant_id, template, locale)
    )`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'mail_templates',
    'notification_addresses',
    'tenant_application_fields',
    'tenant_links',
    'tenant_referrer_urls',
    'tenant_settings',
    'customers',
  ]) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
  await setHistoryReferences(db, '');
  await sql`DROP INDEX organizations_tenant_kind_code_idx`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN code, DROP COLUMN family_name, DROP COLUMN given_name`.execute(db);
  await sql`DROP FUNCTION new_user_code()`.execute(db);
  await sql`DROP INDEX organizations_customer_tenant_name_bigrams`.execute(db);
  await sql`DROP FUNCTION tenant_name_bigrams(bigint, text)`.execute(db);
  await sql`DROP INDEX organizations_customer_name_chars`.execute(db);
  await sql`DROP FUNCTION name_chars(text)`.execute(db);
  await sql`DROP INDEX organizations_name_bigrams`.execute(db);
  await sql`DROP FUNCTION name_bigrams(text)`.execute(db);
}

/** References from history rows to organisations and users (table, column, referenced table). */
const historyReferences = [
  ['audit_events', 'organization_id', 'organizations'],
  ['audit_events', 'actor_user_id', 'users'],
  ['invitations', 'invited_by', 'users'],
  ['invitations', 'accepted_user_id', 'users'],
  ['password_policies', 'updated_by', 'users'],
  ['organization_mfa_policies', 'updated_by', 'users'],
  ['terms_versions', 'published_by', 'users'],
] as const;

/** Re-creates the foreign keys of `historyReferences` with the given ON DELETE action (or none). */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function setHistoryReferences(db: Kysely<any>, onDelete: 'ON DELETE SET NULL' | ''): Promise<void> {
  for (const [table, column, target] of historyReferences) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        DROP CONSTRAINT ${sql.raw(`${table}_${column}_fkey`)},
        ADD CONSTRAINT ${sql.raw(`${table}_${column}_fkey`)} FOREIGN KEY (${sql.ref(column)})
          REFERENCES ${sql.table(target)} (id) ${sql.raw(onDelete)}`.execute(db);
  }
}
