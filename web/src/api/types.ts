import type { Locale, OrganizationKind } from '../../../common/roles.js';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
};

export type Membership = {
  organizationId: string;
  kind: OrganizationKind;
  code: string;
  name: string;
  role: string;
};

export type Session =
  | { user: null; memberships?: undefined; current?: undefined }
  | { user: SessionUser; memberships: Membership[]; current: Membership | null };

export type SortOrder = 'asc' | 'desc';

export type TenantListItem = {
  id: string;
  code: string;
  name: string;
  createdAt: string;
  memberCount: number;
  pendingInvitationCount: number;
};

export type TenantList = { items: TenantListItem[]; total: number };

export type TenantMember = { userId: string; email: string; name: string; role: string };

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export type TenantInvitation = {
  id: string;
  email: string;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
};

export type TenantDetail = {
  id: string;
  code: string;
  name: string;
  createdAt: string;
  members: TenantMember[];
  invitations: TenantInvitation[];
};

export type CreatedTenant = { id: string; code: string; name: string; createdAt: string };

export type CreatedInvitation = { id: string; email: string; expiresAt: string };

export type InvitationInfo = {
  email: string;
  organizationCode: string;
  organizationName: string;
  expiresAt: string;
  userExists: boolean;
};
