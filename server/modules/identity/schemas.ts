import { z } from 'zod';
import { locales, organizationKinds, roles } from '../../../common/roles.js';

export const membershipSchema = z.object({
  organizationId: z.string(),
  kind: z.enum(organizationKinds),
  code: z.string(),
  name: z.string(),
  role: z.enum(roles),
});

export const sessionSchema = z.union([
  z.object({ user: z.null() }),
  z.object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.enum(locales),
      timeZone: z.string(),
    }),
    memberships: z.array(membershipSchema),
    current: membershipSchema.nullable(),
    pendingActions: z.array(z.enum(['changePassword', 'acceptTerms'])),
  }),
]);

export const membershipListQuery = z.strictObject({
  sort: z.enum(['code', 'name']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
