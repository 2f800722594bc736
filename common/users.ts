import { z } from 'zod';
import { userStatuses } from './accounts.js';
import { timestamp, type Wire } from './contracts.js';
import { mfaMethods } from './mfa-methods.js';
import { locales, roles } from './roles.js';

/** User administration (ID-17) and user groups: the answers (request bodies are in common/accounts.ts). */

export const groupRefSchema = z.object({ id: z.string(), name: z.string() });
export type GroupRef = Wire<typeof groupRefSchema>;

/**
 * A row of ユーザー一覧 (`002`: ユーザー名, メールアドレス, ユーザー権限, 電話番号, ステータス). An open
 * invitation has no user ID (only `memberId`) and shows what the admin typed; the account
 * fields are null unless this organisation manages the account (`accountManaged`: it is the
 * account's home, which manages name, phones, factors and lockout).
 */
export const userListItemSchema = z.object({
  memberId: z.string(),
  userId: z.string().nullable(),
  accountManaged: z.boolean(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  title: z.string().nullable(),
  status: z.enum(userStatuses),
  invitationExpiresAt: timestamp.nullable(),
  lastLoginAt: timestamp.nullable(),
  groups: z.array(groupRefSchema),
});
export type UserListItem = Wire<typeof userListItemSchema>;

/** GET /api/users. */
export const userListSchema = z.object({ items: z.array(userListItemSchema), total: z.number() });
export type UserList = Wire<typeof userListSchema>;

/** GET and PATCH /api/users/:userId. */
export const userDetailSchema = userListItemSchema.extend({
  locale: z.enum(locales).nullable(),
  timeZone: z.string().nullable(),
  comment: z.string().nullable(),
  /** 第2段階認証方式 set by an admin (`002`; null: the user chooses). */
  mfaMethod: z.enum(mfaMethods).nullable(),
  createdAt: timestamp,
});
/** Addressed by its user ID, so never an open invitation: `userId` is set. */
export type UserDetail = Wire<typeof userDetailSchema> & { userId: string };

/** POST /api/users → 201: the new membership (an invitation until the person accepts). */
export const addedUserSchema = z.object({ memberId: z.string(), status: z.literal('invited') });
export type AddedUser = Wire<typeof addedUserSchema>;

/** POST /api/users/invitations/:memberId/resend → 201. */
export const resentInvitationSchema = z.object({ expiresAt: timestamp });
export type ResentInvitation = Wire<typeof resentInvitationSchema>;

/** POST /api/users/:userId/temporary-password: shown once. */
export const temporaryPasswordSchema = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = Wire<typeof temporaryPasswordSchema>;

export const userGroupSchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number() });
export type UserGroup = Wire<typeof userGroupSchema>;

/** GET /api/user-groups. */
export const userGroupListSchema = z.object({ items: z.array(userGroupSchema) });
export type UserGroupList = Wire<typeof userGroupListSchema>;

/** PUT /api/user-groups/:groupId/members. */
export const groupMembersSchema = z.object({ memberUserIds: z.array(z.string()) });
export type GroupMembers = Wire<typeof groupMembersSchema>;
