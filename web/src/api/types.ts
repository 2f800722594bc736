import type { MfaMethod, MfaRequiredView } from '../../../common/mfa.js';
import type { PasswordPolicy } from '../../../common/password-policy.js';
import type { Locale, OrganizationKind, Role } from '../../../common/roles.js';

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

export type PendingAction = 'changePassword' | 'acceptTerms' | 'enrolMfa';

export type Session =
  | { user: null; memberships?: undefined; current?: undefined; pendingActions?: undefined }
  | {
      user: SessionUser;
      memberships: Membership[];
      current: Membership | null;
      /** Steps the user must take before any portal page (forced password change, new terms). */
      pendingActions?: PendingAction[];
    };

export type SignedInSession = Extract<Session, { user: SessionUser }>;
export type SignedIn = { status: 'signed_in' } & SignedInSession;

/**
 * POST /api/auth/login and /api/auth/mfa/verify: a session, the second step, or a session
 * limited to enrolling a second factor (its view comes with the next GET /api/session).
 */
export type LoginResult = SignedIn | MfaRequiredView | { status: 'mfa_enrolment_required' };

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
  kind: 'signup' | 'activation';
  email: string | null;
  organizationCode: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  expiresAt: string;
  passwordPolicy: PasswordPolicy;
  userExists: boolean;
};

export type AcceptedInvitation = { ok: true; name: string; email: string };

export type PasswordResetInfo = { email: string; expiresAt: string; passwordPolicy: PasswordPolicy };

export type MyPasswordPolicy = { passwordPolicy: PasswordPolicy; hasMfa: boolean };

export type OrganizationPasswordPolicy = {
  profile: PasswordPolicy['profile'];
  minLength: number;
  requireLower: boolean;
  requireUpper: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
  historyCount: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
};

export type CurrentTerms = {
  id: string;
  version: number;
  title: string;
  body: string;
  publishedAt: string;
  accepted: boolean;
};

export type TermsVersion = {
  id: string;
  version: number;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  publishedAt: string;
  acceptedCount: number;
};

export type MySession = {
  id: string;
  current: boolean;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
};

export type Profile = {
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  locale: Locale;
  timeZone: string;
};

export type UserStatus = 'active' | 'invited' | 'expired' | 'locked' | 'disabled';

export type GroupRef = { id: string; name: string };

/**
 * A row of ユーザー一覧. An open invitation has no user ID (only its membership) and shows what the
 * admin typed; phones, title and last login show only for accounts this organisation manages.
 */
export type UserListItem = {
  memberId: string;
  userId: string | null;
  /** Whether this organisation is the account's home (manages name, phones, factors, lockout). */
  accountManaged: boolean;
  name: string;
  email: string;
  role: Role;
  phone: string | null;
  mobile: string | null;
  title: string | null;
  status: UserStatus;
  invitationExpiresAt: string | null;
  lastLoginAt: string | null;
  groups: GroupRef[];
};

export type UserList = { items: UserListItem[]; total: number };

export type UserDetail = UserListItem & {
  userId: string;
  /** 第2段階認証方式 set by an admin (null: the user chooses). */
  mfaMethod?: MfaMethod | null;
  locale: Locale | null;
  timeZone: string | null;
  comment: string | null;
};

export type UserGroup = { id: string; name: string; memberCount: number };
