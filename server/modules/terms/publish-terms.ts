import type { PublishTermsBody } from '../../../common/passwords.js';
import type { Db } from '../../db/pool.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { insertAcceptance, insertTermsVersion, lockTermsVersions } from './repository.js';

type PublishInput = PublishTermsBody & { publishedBy: string | null; ip: string | null };

/**
 * Publishes a new version of the terms of use (ID-12): the next number after the newest, so every
 * other user has to accept again before using a portal. The table lock makes two publications at once
 * take turns instead of both choosing the same number. Call inside a transaction.
 */
export async function publishTerms(
  trx: Db,
  clock: Clock,
  input: PublishInput,
): Promise<{ id: string; version: number; publishedAt: Date }> {
  const max = await lockTermsVersions(trx);
  const now = clock.now();
  const row = await insertTermsVersion(trx, {
    version: (max ?? 0) + 1,
    title_ja: input.titleJa,
    title_en: input.titleEn,
    body_ja: input.bodyJa,
    body_en: input.bodyEn,
    published_at: now,
    published_by: input.publishedBy,
  });
  // The publisher has just read what they published; everyone else is asked at their next request.
  if (input.publishedBy) {
    await insertAcceptance(
      trx,
      { userId: input.publishedBy, termsVersionId: row.id, at: now, ip: input.ip },
      { ignoreRepeat: false },
    );
  }
  await recordAudit(trx, clock, {
    actorUserId: input.publishedBy,
    action: 'terms.publish',
    targetType: 'terms',
    targetId: row.id,
    ip: input.ip,
    details: { version: row.version },
  });
  return { id: row.id, version: row.version, publishedAt: row.published_at };
}
