import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';

/** The operator console's partner tenants and the invitations of their first admins. */

/** POST /api/operator/tenants → 201. */
export const tenantSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  createdAt: timestamp,
});
export type Tenant = Wire<typeof tenantSchema>;

export const tenantListItemSchema = tenantSchema.extend({
  memberCount: z.number(),
  pendingInvitationCount: z.number(),
});
export type TenantListItem = Wire<typeof tenantListItemSchema>;

/** GET /api/operator/tenants. */
export const tenantListSchema = z.object({ items: z.array(tenantListItemSchema), total: z.number() });
export type TenantList = Wire<typeof tenantListSchema>;

export const tenantMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
});
export type TenantMember = Wire<typeof tenantMemberSchema>;

export const invitationStatuses = ['pending', 'accepted', 'expired', 'cancelled'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const tenantInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  status: z.enum(invitationStatuses),
  expiresAt: timestamp,
  createdAt: timestamp,
});
export type TenantInvitation = Wire<typeof tenantInvitationSchema>;

/** GET /api/operator/tenants/:tenantId. */
export const tenantDetailSchema = tenantSchema.extend({
  members: z.array(tenantMemberSchema),
  invitations: z.array(tenantInvitationSchema),
});
export type TenantDetail = Wire<typeof tenantDetailSchema>;

/** POST /api/operator/tenants/:tenantId/invitations → 201. */
export const createdInvitationSchema = z.object({ id: z.string(), email: z.string(), expiresAt: timestamp });
export type CreatedInvitation = Wire<typeof createdInvitationSchema>;
