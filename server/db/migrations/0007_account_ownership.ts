import { type Kysely, sql } from 'kysely';

/**
 * Accounts across organisations (see server/modules/users/account-rules.ts):
 * - every account has a home organisation, the one whose invitation created it; only its admins
 *   manage the account (name, phones, second factors, lockout, password), the other
 *   organisations only their membership. Existing accounts get the organisation they joined
 *   first.
 * - what the inviting admin typed (ユーザー追加: 氏名 and the address) is kept on the invited
 *   membership, so that until the person accepts, the organisation's list shows its own
 *   invitation and nothing of an account that may already exist.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN home_organization_id bigint REFERENCES organizations (id) ON DELETE SET NULL
  `.execute(db);
  await sql`CREATE INDEX users_home_organization_idx ON users (home_organization_id)`.execute(db);
  await sql`
    UPDATE users u SET home_organization_id = (
      SELECT m.organization_id FROM memberships m
      WHERE m.user_id = u.id ORDER BY m.status = 'invited', m.id LIMIT 1)`.execute(db);
  await sql`ALTER TABLE memberships ADD COLUMN invited_name text, ADD COLUMN invited_email text`.execute(db);
  // Invitations open today: what the list showed them as so far.
  await sql`
    UPDATE memberships m SET invited_name = u.name, invited_email = u.email
    FROM users u WHERE u.id = m.user_id AND m.status = 'invited'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE memberships DROP COLUMN invited_name, DROP COLUMN invited_email`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN home_organization_id`.execute(db);
}
