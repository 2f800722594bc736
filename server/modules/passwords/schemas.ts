import { z } from 'zod';

/** Response shapes of the password routes (request bodies live in common/passwords.ts). */
export const passwordPolicySchema = z.object({
  profile: z.enum(['standard', 'nist']),
  minLength: z.number(),
  requireLower: z.boolean(),
  requireUpper: z.boolean(),
  requireDigit: z.boolean(),
  requireSymbol: z.boolean(),
  historyCount: z.number(),
});

export const organizationPolicySchema = passwordPolicySchema.extend({
  lockoutThreshold: z.number(),
  lockoutMinutes: z.number(),
});

export const okSchema = z.object({ ok: z.literal(true) });

/** A link token as mailed: base64url; anything else is refused before the database is asked. */
export const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const organizationParams = z.strictObject({ organizationId: z.string().regex(/^\d{1,18}$/) });
