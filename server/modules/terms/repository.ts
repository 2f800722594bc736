import type { Db } from '../../db/pool.js';

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
