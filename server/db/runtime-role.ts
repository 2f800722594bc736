import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './pool.js';

/**
 * The portal's runtime connection is a role that is not a superuser, has no BYPASSRLS and owns
 * no table, so the row-level-security policies (migration 0011) always apply to it. The schema
 * belongs to the owner, which runs the migrations and the job queue's schema.
 *
 * Embedded mode (and the tests) create it as `madoguchi_app`; with DATABASE_URL the operator
 * creates it and README lists the grants (`grantRuntimeRole` runs them when DATABASE_OWNER_URL
 * is set).
 */
export const RUNTIME_ROLE = 'madoguchi_app';

/** The runtime role's password on the embedded server (listening on 127.0.0.1 only). */
export const EMBEDDED_RUNTIME_PASSWORD = 'madoguchi-local';

/** Creates the runtime role on a cluster where it does not exist yet (embedded mode, tests). */
export async function ensureRuntimeRole(adminUrl: string, password: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [RUNTIME_ROLE]);
    if (found.rowCount === 0)
      await admin.query(
        `CREATE ROLE ${RUNTIME_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`,
      );
  } catch (err) {
    // Two processes may create it at once: the loser finds it created.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await admin.end();
  }
}

/** The same server and database, connecting as `user` with `password`. */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/**
 * What the runtime role may do, granted by the owner after the migrations: read and write the
 * application's tables (never DDL, never the migration bookkeeping) and use the job queue.
 */
export async function grantRuntimeRole(owner: Db, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`GRANT USAGE ON SCHEMA public TO ${r}`.execute(owner);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`.execute(owner);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`.execute(owner);
  await sql`REVOKE ALL ON kysely_migration, kysely_migration_lock FROM ${r}`.execute(owner);
  const boss = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') AS found`.execute(owner);
  if (boss.rows[0]?.found) {
    await sql`GRANT USAGE ON SCHEMA pgboss TO ${r}`.execute(owner);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${r}`.execute(owner);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${r}`.execute(owner);
  }
}

/** The role a connection runs as, and whether row-level security binds it. */
export async function connectionRole(db: Db): Promise<{ role: string; bypassesRowSecurity: boolean }> {
  const { rows } = await sql<{ role: string; bypasses: boolean }>`
    SELECT current_user AS role, (rolsuper OR rolbypassrls) AS bypasses
    FROM pg_roles WHERE rolname = current_user`.execute(db);
  return { role: rows[0]!.role, bypassesRowSecurity: rows[0]!.bypasses };
}
