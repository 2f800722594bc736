import type { Db } from '../../db/pool.js';

export type MembershipView = {
  organizationId: string;
  kind: 'operator' | 'partner' | 'customer';
  code: string;
  name: string;
  role: 'operator_admin' | 'support_agent' | 'admin' | 'member';
};

export type MembershipSort = { sort: 'code' | 'name'; order: 'asc' | 'desc' };

/** A user's memberships with their organisations, sorted in SQL (the tenant selection list). */
export async function listMemberships(
  db: Db,
  userId: string,
  { sort, order }: MembershipSort = { sort: 'code', order: 'asc' },
): Promise<(MembershipView & { membershipId: string })[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      'memberships.id as membershipId',
      'organizations.id as organizationId',
      'organizations.kind',
      'organizations.code',
      'organizations.name',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .where('memberships.status', '=', 'active')
    .orderBy(sort === 'name' ? 'organizations.name' : 'organizations.code', order)
    .orderBy('organizations.id')
    .execute();
  return rows;
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'password_hash',
      'status',
      'locale',
      'time_zone',
      'locked_until',
      'mfa_method',
      'mfa_enrolment_required',
    ])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The user's own language (the language switch of every portal). */
export async function setUserLocale(db: Db, userId: string, locale: 'ja' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
