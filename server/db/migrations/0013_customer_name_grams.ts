import { type Kysely, sql } from 'kysely';
import { protectTenantTable } from './0011_row_level_security.js';

/**
 * 会社名 partial match under row-level security. PostgreSQL applies a table's policy before any
 * condition whose operator is not LEAKPROOF, and only leakproof conditions may drive an index: the
 * GIN conditions of migration 0006 (`@>` on arrays) and ILIKE are not, so under the policies they
 * became filters over every customer of the tenant (a 2-character search in a tenant of 100,000
 * customers went from 13 ms to 480 ms at p95).
 *
 * This table lists each customer's name as its distinct lower-cased characters and bigrams (the
 * `name_chars` and `name_bigrams` of migration 0006), one row each, led by the tenant. A search
 * looks grams up by equality on bigint and text (leakproof operators), so the primary key drives
 * it under the table's own policy: one or two characters are exact, longer terms intersect their
 * bigrams and ILIKE confirms the substring on the few names left.
 *
 * Statement triggers on `organizations` keep it current (set-based through transition tables, so
 * a bulk load stays one statement); the rows follow the organisation's own policy scope.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE customer_name_grams (
      tenant_id bigint NOT NULL,
      gram text NOT NULL,
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      PRIMARY KEY (tenant_id, gram, organization_id)
    )`.execute(db);
  // For the cascade from organizations and the trigger's delete by organisation.
  await sql`CREATE INDEX customer_name_grams_organization ON customer_name_grams (organization_id)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION customer_name_grams_of(t text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT unnest(name_chars(t) || name_bigrams(t))
    $$`.execute(db);
  await sql`
    CREATE FUNCTION customer_name_grams_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_name_grams (tenant_id, gram, organization_id)
      SELECT n.tenant_id, customer_name_grams_of(n.name), n.id
      FROM new_rows n WHERE n.kind = 'customer' AND n.tenant_id IS NOT NULL;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION customer_name_grams_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Only renamed (or moved) customers: most updates of organisations touch other columns.
      DELETE FROM customer_name_grams g USING new_rows n JOIN old_rows o ON o.id = n.id
      WHERE g.organization_id = n.id AND (n.name, n.tenant_id, n.kind) IS DISTINCT FROM (o.name, o.tenant_id, o.kind);
      INSERT INTO customer_name_grams (tenant_id, gram, organization_id)
      SELECT n.tenant_id, customer_name_grams_of(n.name), n.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.name, n.tenant_id, n.kind) IS DISTINCT FROM (o.name, o.tenant_id, o.kind)
        AND n.kind = 'customer' AND n.tenant_id IS NOT NULL;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER customer_name_grams_insert AFTER INSERT ON organizations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION customer_name_grams_insert()`.execute(db);
  await sql`
    CREATE TRIGGER customer_name_grams_update AFTER UPDATE ON organizations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION customer_name_grams_update()`.execute(db);

  // The names already there (as the schema owner, who may be bound by the policies too).
  await sql`SELECT set_config('mg.all', 'on', true)`.execute(db);
  await sql`
    INSERT INTO customer_name_grams (tenant_id, gram, organization_id)
    SELECT tenant_id, customer_name_grams_of(name), id FROM organizations
    WHERE kind = 'customer' AND tenant_id IS NOT NULL`.execute(db);
  // Tenant-owned like its organisations: ENABLE + FORCE ROW LEVEL SECURITY and the tenant_rows
  // policy (a customer sees only its own name's rows), as the checklist in ARCHITECTURE.md asks.
  await protectTenantTable(db, 'customer_name_grams', { customerColumn: 'organization_id' });
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER customer_name_grams_update ON organizations`.execute(db);
  await sql`DROP TRIGGER customer_name_grams_insert ON organizations`.execute(db);
  await sql`DROP FUNCTION customer_name_grams_update()`.execute(db);
  await sql`DROP FUNCTION customer_name_grams_insert()`.execute(db);
  await sql`DROP TABLE customer_name_grams`.execute(db);
  await sql`DROP FUNCTION customer_name_grams_of(text)`.execute(db);
}
