import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';

/** Terms of use (ID-12); the operator's publishing form is `publishTermsBody` (common/passwords.ts). */

/** GET /api/terms/current: the current version in the user's language. */
export const currentTermsSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  publishedAt: timestamp,
  accepted: z.boolean(),
});
export type CurrentTerms = Wire<typeof currentTermsSchema>;

export const termsVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  titleJa: z.string(),
  titleEn: z.string(),
  bodyJa: z.string(),
  bodyEn: z.string(),
  publishedAt: timestamp,
  acceptedCount: z.number(),
});
export type TermsVersion = Wire<typeof termsVersionSchema>;

/** GET /api/operator/terms. */
export const termsVersionListSchema = z.object({ items: z.array(termsVersionSchema) });
export type TermsVersionList = Wire<typeof termsVersionListSchema>;

/** POST /api/operator/terms → 201. */
export const publishedTermsSchema = z.object({ id: z.string(), version: z.number(), publishedAt: timestamp });
export type PublishedTerms = Wire<typeof publishedTermsSchema>;
