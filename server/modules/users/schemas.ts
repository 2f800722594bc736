import { z } from 'zod';
import { userStatuses } from '../../../common/accounts.js';
import { mfaMethods } from '../../../common/mfa-methods.js';
import { locales, roles } from '../../../common/roles.js';

export const userIdParams = z.strictObject({ userId: z.string().regex(/^\d{1,18}$/) });
export const memberIdParams = z.strictObject({ memberId: z.string().regex(/^\d{1,18}$/) });

const group = z.object({ id: z.string(), name: z.string() });

/**
 * A row of ユーザー一覧 (`002`: ユーザー名, メールアドレス, ユーザー権限, 電話番号, ステータス). An open
 * invitation has no user ID (only `memberId`) and shows what the admin typed; the account
 * fields are null unless this organisation manages the account (`accountManaged`).
 */
export const userListItem = z.object({
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
  invitationExpiresAt: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  groups: z.array(group),
});

export const userDetail = userListItem.extend({
  locale: z.enum(locales).nullable(),
  timeZone: z.string().nullable(),
  comment: z.string().nullable(),
  /** 第2段階認証方式 (`002`). */
  mfaMethod: z.enum(mfaMethods).nullable(),
  createdAt: z.date(),
});
