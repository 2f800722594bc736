import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findCurrentTerms, findTermsVersionId, insertAcceptance } from './repository.js';

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
    const askedId = await findTermsVersionId(trx, input.termsId);
    if (!askedId || !current) throw notFound();
    if (askedId !== current.id) throw new AppError(409, 'terms_outdated');
    await insertAcceptance(
      trx,
      { userId: input.userId, termsVersionId: current.id, at: clock.now(), ip: input.ip },
      { ignoreRepeat: true },
    );
  });
}
