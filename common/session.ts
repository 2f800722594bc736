import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';
import { mfaRequiredViewSchema } from './mfa.js';
import { locales, organizationKinds, roles } from './roles.js';

/**
 * The signed-in session (identity) and the user's own sessions (ID-13): the answers of
 * GET /api/session, the login steps, the organisation choice, GET /api/memberships and
 * GET /api/me/sessions.
 */

export const membershipSchema = z.object({
  organizationId: z.string(),
  kind: z.enum(organizationKinds),
  code: z.string(),
  name: z.string(),
  role: z.enum(roles),
});
export type Membership = Wire<typeof membershipSchema>;

/** GET /api/memberships. */
export const membershipListSchema = z.object({ items: z.array(membershipSchema) });
export type MembershipList = Wire<typeof membershipListSchema>;

/** Steps the user must take before any portal page (forced password change, second factor, new terms). */
export const pendingActions = ['changePassword', 'enrolMfa', 'acceptTerms'] as const;
export type PendingAction = (typeof pendingActions)[number];

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(locales),
  timeZone: z.string(),
});
export type SessionUser = Wire<typeof sessionUserSchema>;

export const signedInSessionSchema = z.object({
  user: sessionUserSchema,
  memberships: z.array(membershipSchema),
  current: membershipSchema.nullable(),
  pendingActions: z.array(z.enum(pendingActions)),
});
export type SignedInSession = Wire<typeof signedInSessionSchema>;

/** GET /api/session and POST /api/session/organization. */
export const sessionSchema = z.union([z.object({ user: z.null() }), signedInSessionSchema]);
export type Session = Wire<typeof sessionSchema>;

/**
 * POST /api/auth/login and /api/auth/mfa/verify: the session with a status (signed in, or limited
 * to enrolling a second factor), or the second step (ID-4).
 */
export const loginResponseSchema = z.union([
  signedInSessionSchema.extend({ status: z.enum(['signed_in', 'mfa_enrolment_required']) }),
  mfaRequiredViewSchema,
]);
export type LoginResult = Wire<typeof loginResponseSchema>;
/** A login answer that opened a session. */
export type SignedIn = Exclude<LoginResult, { status: 'mfa_required' }>;

/** One row of GET /api/me/sessions. */
export const mySessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
});
export type MySession = Wire<typeof mySessionSchema>;
export const mySessionListSchema = z.object({ items: z.array(mySessionSchema) });
export type MySessionList = Wire<typeof mySessionListSchema>;
