import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findCurrentTerms } from './repository.js';

/**
 * Records that the user accepted a version of the terms (ID-12), with time and address. Only the
 * current version can be accepted: a page left open while a newer one was published is told to
 * reload. Accepting twice is harmless.
 */
export async function acceptTerms(
  db: Db,
  clock: Clock,
  input: { userId: string; termsId: string; ip: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findCurrentTerms(trx);
    const asked = await trx
      .selectFrom('terms_versions')
      .select('id')
      .where('id', '=', input.termsId)
      .executeTakeFirst();
    if (!asked || !current) throw notFound();
    if (asked.id !== current.id) throw new AppError(409, 'terms_outdated');
    await trx
      .insertInto('terms_acceptances')
      .values({ user_id: input.userId, terms_version_id: current.id, accepted_at: clock.now(), ip: input.ip })
      .onConflict((oc) => oc.columns(['user_id', 'terms_version_id']).doNothing())
      .execute();
  });
}
