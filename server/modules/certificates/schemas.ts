import { z } from 'zod';

/** Path parameters of the certificate routes (the answers are in common/certificates.ts). */
export const certificateIdParams = z.strictObject({ certificateId: z.string().regex(/^\d{1,18}$/) });
