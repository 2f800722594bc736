import { z } from 'zod';
import { loginStepMethods, mfaMethods } from '../../../common/mfa.js';
import { locales, organizationKinds, roles } from '../../../common/roles.js';

export const membershipSchema = z.object({
  organizationId: z.string(),
  kind: z.enum(organizationKinds),
  code: z.string(),
  name: z.string(),
  role: z.enum(roles),
});

const signedInView = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(locales),
    timeZone: z.string(),
  }),
  memberships: z.array(membershipSchema),
  current: membershipSchema.nullable(),
  pendingActions: z.array(z.enum(['changePassword', 'enrolMfa', 'acceptTerms'])),
});

export const sessionSchema = z.union([z.object({ user: z.null() }), signedInView]);

/** POST /api/auth/login: the session view with a status, or the second step (ID-4). */
export const loginResponse = z.union([
  signedInView.extend({ status: z.enum(['signed_in', 'mfa_enrolment_required']) }),
  z.object({
    status: z.literal('mfa_required'),
    methods: z.array(z.enum(loginStepMethods)),
    preferred: z.enum(mfaMethods).nullable(),
    maskedMobile: z.string().optional(),
    maskedEmail: z.string().optional(),
  }),
]);

export const membershipListQuery = z.strictObject({
  sort: z.enum(['code', 'name']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
