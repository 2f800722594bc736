import { z } from 'zod';

/** The query of GET /api/memberships (its answer and the session's are in common/session.ts). */
export const membershipListQuery = z.strictObject({
  sort: z.enum(['code', 'name']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
