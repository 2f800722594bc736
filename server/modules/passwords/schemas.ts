import { z } from 'zod';

/** Path parameters of the password routes (bodies and answers live in common/passwords.ts). */

/** A link token as mailed: base64url; anything else is refused before the database is asked. */
export const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const organizationParams = z.strictObject({ organizationId: z.string().regex(/^\d{1,18}$/) });
