import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

/** The newest published terms, which every user must have accepted (null before the first publication). */
export async function findCurrentTerms(db: Db) {
  return db.selectFrom('terms_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function hasAccepted(db: Db, userId: string, termsVersionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('terms_acceptances')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('terms_version_id', '=', termsVersionId)
    .executeTakeFirst();
  return Boolean(row);
}

/** Every published version, newest first, with how many users accepted it. */
export async function listTermsVersions(db: Db) {
  return db
    .selectFrom('terms_versions')
    .select((eb) => [
      'terms_versions.id',
      'terms_versions.version',
      'terms_versions.title_ja',
      'terms_versions.title_en',
      'terms_versions.body_ja',
      'terms_versions.body_en',
      'terms_versions.published_at',
      eb
        .selectFrom('terms_acceptances')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('terms_acceptances.terms_version_id', '=', 'terms_versions.id')
        .as('accepted_count'),
    ])
    .orderBy('version', 'desc')
    .execute();
}

/** The id of the version of the terms asked for, as stored (undefined when there is none). */
export async function findTermsVersionId(db: Db, termsId: string) {
  const row = await db.selectFrom('terms_versions').select('id').where('id', '=', termsId).executeTakeFirst();
  return row?.id;
}

/** Records that the user accepted a version, with time and address (a second acceptance changes nothing). */
export async function insertAcceptance(
  trx: Db,
  acceptance: { userId: string; termsVersionId: string; at: Date; ip: string | null },
  options: { ignoreRepeat: boolean },
) {
  const insert = trx.insertInto('terms_acceptances').values({
    user_id: acceptance.userId,
    terms_version_id: acceptance.termsVersionId,
    accepted_at: acceptance.at,
    ip: acceptance.ip,
  });
  await (options.ignoreRepeat
    ? insert.onConflict((oc) => oc.columns(['user_id', 'terms_version_id']).doNothing())
    : insert
  ).execute();
}

/**
 * Locks the versions against another publication until the commit (two publications take turns
 * instead of both choosing the same number); answers the newest version number (null before the first).
 */
export async function lockTermsVersions(trx: Db) {
  await sql`LOCK TABLE terms_versions IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const { max } = await trx
    .selectFrom('terms_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .executeTakeFirstOrThrow();
  return max;
}

/** Stores a new version of the terms. */
export async function insertTermsVersion(trx: Db, version: Insertable<Database['terms_versions']>) {
  return trx
    .insertInto('terms_versions')
    .values(version)
    .returning(['id', 'version', 'published_at'])
    .executeTakeFirstOrThrow();
}
