import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MfaMethod } from '../../common/mfa-methods.js';

/** bigint identity: generated on insert, read back as a decimal string. */
type Id = ColumnType<string, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface OrganizationsTable {
  id: Generated<string> & Id;
  kind: 'operator' | 'partner' | 'customer';
  code: string;
  name: string;
  /** For customers: the tenant they belong to; for partners: themselves; null for the operator. */
  tenant_id: string | null;
  created_at: CreatedAt;
  /** Customers: the support ID the admin quotes for account procedures (ID-16). */
  support_id: string | null;
  trial: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface UsersTable {
  id: Generated<string> & Id;
  email: string;
  name: string;
  password_hash: string | null;
  locale: ColumnType<'ja' | 'en', 'ja' | 'en' | undefined, 'ja' | 'en'>;
  time_zone: ColumnType<string, string | undefined, string>;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  company: string | null;
  department: string | null;
  note: string | null;
  failed_login_count: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp | null;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  /** The 第2段階認証方式 (admin-set or the user's preferred); null: none chosen. */
  mfa_method: MfaMethod | null;
  /** The user must enrol a second factor before using the portal (pending action enrolMfa). */
  mfa_enrolment_required: ColumnType<boolean, boolean | undefined, boolean>;
  mobile_verified_at: Timestamp | null;
  totp_secret: string | null;
  totp_enrolled_at: Timestamp | null;
  totp_pending_secret: string | null;
  totp_pending_at: Timestamp | null;
  /** The last TOTP time step accepted: a code of this step or earlier is refused (no replay). */
  last_totp_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
}

export type MembershipStatus = 'invited' | 'active' | 'disabled';

export interface MembershipsTable {
  id: Generated<string> & Id;
  user_id: string;
  organization_id: string;
  tenant_id: string | null;
  role: 'operator_admin' | 'support_agent' | 'admin' | 'member';
  created_at: CreatedAt;
  status: ColumnType<MembershipStatus, MembershipStatus | undefined, MembershipStatus>;
  comment: string | null;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  membership_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** When the user last re-entered the password (enrol / remove factors within 5 minutes). */
  reauth_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface InvitationsTable {
  id: Generated<string> & Id;
  organization_id: string;
  tenant_id: string | null;
  email: string;
  role: 'operator_admin' | 'support_agent' | 'admin' | 'member';
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  created_at: CreatedAt;
  /** signup: 仮ユーザ登録 form (ID-6); activation: identity check, then password (ID-7). */
  kind: ColumnType<'signup' | 'activation', 'signup' | 'activation' | undefined, 'signup' | 'activation'>;
  user_id: string | null;
  membership_id: string | null;
  cancelled_at: Timestamp | null;
  failed_checks: ColumnType<number, number | undefined, number>;
}

export interface PasswordPoliciesTable {
  organization_id: string;
  profile: 'standard' | 'nist';
  min_length: number;
  require_lower: boolean;
  require_upper: boolean;
  require_digit: boolean;
  require_symbol: boolean;
  history_count: number;
  lockout_threshold: ColumnType<number, number | undefined, number>;
  lockout_minutes: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface PasswordHistoryTable {
  id: Generated<string> & Id;
  user_id: string;
  password_hash: string;
  created_at: Timestamp;
}

export interface PasswordResetsTable {
  id: Generated<string> & Id;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
  ip: string | null;
}

export interface TermsVersionsTable {
  id: Generated<string> & Id;
  version: number;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  published_at: Timestamp;
  published_by: string | null;
}

export interface TermsAcceptancesTable {
  user_id: string;
  terms_version_id: string;
  accepted_at: Timestamp;
  ip: string | null;
}

export interface UserGroupsTable {
  id: Generated<string> & Id;
  organization_id: string;
  tenant_id: string | null;
  name: string;
  created_at: CreatedAt;
}

export interface UserGroupMembersTable {
  group_id: string;
  user_id: string;
}

export interface AuditEventsTable {
  id: Generated<string> & Id;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  organization_id: string | null;
  tenant_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Json;
}

export interface OutboxTable {
  id: Generated<string> & Id;
  channel: 'mail' | 'sms';
  recipient: string;
  locale: 'ja' | 'en';
  template: string;
  subject: string;
  body: string;
  tenant_id: string | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface PasskeysTable {
  id: Generated<string> & Id;
  user_id: string;
  /** base64url of the WebAuthn credential id. */
  credential_id: string;
  /** COSE public key as the authenticator gave it. */
  public_key: Buffer;
  /** Signature counter (bigint: read back as a decimal string). */
  counter: ColumnType<string, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: boolean;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  id: Generated<string> & Id;
  purpose: 'registration' | 'authentication';
  /** The session (registration) or login attempt (authentication) the challenge was issued to. */
  bound_to: string;
  user_id: string;
  challenge: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface CertificateAuthoritiesTable {
  purpose: 'client';
  certificate_pem: string;
  /** AES-256-GCM with CA_ENCRYPTION_KEY (see modules/certificates/secret-box.ts). */
  encrypted_key: string;
  created_at: Timestamp;
}

export interface CertificatesTable {
  id: Generated<string> & Id;
  user_id: string;
  organization_id: string;
  tenant_id: string | null;
  serial: string;
  fingerprint: string;
  subject: string;
  certificate_pem: string;
  not_before: Timestamp;
  not_after: Timestamp;
  issued_at: Timestamp;
  issued_by: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revocation_reason: 'revoked' | 'reissued' | null;
}

export interface AccountRequestsTable {
  id: Generated<string> & Id;
  organization_id: string;
  tenant_id: string | null;
  kind: 'reset_admin_password' | 'reissue_certificate';
  status: ColumnType<
    'received' | 'in_progress' | 'done',
    'received' | undefined,
    'received' | 'in_progress' | 'done'
  >;
  requested_by: string;
  target_user_id: string;
  created_at: Timestamp;
  started_at: Timestamp | null;
  started_by: string | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface DownloadsTable {
  id: Generated<string> & Id;
  token_hash: string;
  user_id: string;
  account_request_id: string | null;
  kind: 'certificate' | 'temporary_password';
  file_name: string | null;
  encrypted_payload: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** Between a correct password and the second factor (cookie mg_login, token stored hashed). */
export interface LoginAttemptsTable {
  id: Generated<string> & Id;
  token_hash: string;
  user_id: string;
  methods: string[];
  failed_count: ColumnType<number, number | undefined, number>;
  send_count: ColumnType<number, number | undefined, number>;
  last_sent_at: Timestamp | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

/** Codes sent by mail or SMS: login codes bound to an attempt, mobile verification codes. */
export interface OneTimeCodesTable {
  id: Generated<string> & Id;
  purpose: 'login' | 'mobile';
  user_id: string;
  login_attempt_id: string | null;
  channel: 'mail' | 'sms';
  recipient: string;
  code_hash: string;
  failed_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RecoveryCodesTable {
  id: Generated<string> & Id;
  user_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface OrganizationMfaPoliciesTable {
  organization_id: string;
  require_mfa: ColumnType<boolean, boolean | undefined, boolean>;
  allowed_methods: MfaMethod[];
  require_certificate_for_admins: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  password_policies: PasswordPoliciesTable;
  password_history: PasswordHistoryTable;
  password_resets: PasswordResetsTable;
  terms_versions: TermsVersionsTable;
  terms_acceptances: TermsAcceptancesTable;
  user_groups: UserGroupsTable;
  user_group_members: UserGroupMembersTable;
  login_attempts: LoginAttemptsTable;
  one_time_codes: OneTimeCodesTable;
  recovery_codes: RecoveryCodesTable;
  organization_mfa_policies: OrganizationMfaPoliciesTable;
  passkeys: PasskeysTable;
  certificate_authorities: CertificateAuthoritiesTable;
  certificates: CertificatesTable;
  account_requests: AccountRequestsTable;
  downloads: DownloadsTable;
  webauthn_challenges: WebauthnChallengesTable;
}

export type UserRow = Selectable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOutbox = Insertable<OutboxTable>;
