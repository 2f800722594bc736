import { z } from 'zod';

/** Path parameters of user administration (the answers are in common/users.ts). */
export const userIdParams = z.strictObject({ userId: z.string().regex(/^\d{1,18}$/) });
export const memberIdParams = z.strictObject({ memberId: z.string().regex(/^\d{1,18}$/) });
