import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';
import { passwordPolicySchema } from './password-policy.js';
import { organizationKinds } from './roles.js';

/** The public pages behind an invitation link (the bodies they send are in common/accounts.ts). */

/** GET /api/invitations/:token. */
export const invitationInfoSchema = z.object({
  kind: z.enum(['signup', 'activation']),
  organizationCode: z.string(),
  organizationName: z.string(),
  organizationKind: z.enum(organizationKinds),
  /** Shown on the sign-up page; an activation link must not tell whose it is (本人確認). */
  email: z.string().nullable(),
  expiresAt: timestamp,
  passwordPolicy: passwordPolicySchema,
  userExists: z.boolean(),
});
export type InvitationInfo = Wire<typeof invitationInfoSchema>;

/** POST /api/invitations/:token/accept: the account that now exists. */
export const acceptedInvitationSchema = z.object({
  ok: z.literal(true),
  name: z.string(),
  email: z.string(),
});
export type AcceptedInvitation = Wire<typeof acceptedInvitationSchema>;
