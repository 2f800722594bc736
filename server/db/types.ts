import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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
}

export interface MembershipsTable {
  id: Generated<string> & Id;
  user_id: string;
  organization_id: string;
  tenant_id: string | null;
  role: 'operator_admin' | 'support_agent' | 'admin' | 'member';
  created_at: CreatedAt;
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

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOutbox = Insertable<OutboxTable>;
