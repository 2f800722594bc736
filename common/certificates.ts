import { z } from 'zod';
import type { Wire } from './contracts.js';
import { text } from './schemas.js';

/**
 * Client certificates (ID-15) and account procedures (ID-16, `004 §3`): request bodies and the
 * answer shapes shared by the browser and the server. Messages are `validation.*` keys.
 */

const id = text().regex(/^\d{1,18}$/, { error: 'validation.invalid' });

/** The kinds of account procedure a customer admin may request (`004 §3-4`, `§3-5`). */
export const accountRequestKinds = ['reset_admin_password', 'reissue_certificate'] as const;
export type AccountRequestKind = (typeof accountRequestKinds)[number];

/** 受付 / 対応中 / 完了. */
export const accountRequestStatuses = ['received', 'in_progress', 'done'] as const;
export type AccountRequestStatus = (typeof accountRequestStatuses)[number];

/** Business days support commits to for each kind (`004 §3-4`, `§3-5`: 5 営業日). */
export const accountRequestBusinessDays: Record<AccountRequestKind, number> = {
  reset_admin_password: 5,
  reissue_certificate: 5,
};

/**
 * アカウント手続きの申し込み. `targetUserId`: whose password or certificate (an admin of the
 * organisation); omitted → the requesting admin. Support IDs are accepted in any case and with
 * surrounding blanks.
 */
export const accountRequestBody = z.strictObject({
  kind: z.enum(accountRequestKinds, { error: 'validation.invalid' }),
  supportId: text()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(32, { error: 'validation.tooLong' })
    .transform((v) => v.toUpperCase()),
  targetUserId: id.nullish(),
});
export type AccountRequestBody = z.infer<typeof accountRequestBody>;

/** POST /api/users/:userId/certificates and …/reissue → 201. The password is shown once. */
export const issuedCertificateSchema = z.object({
  id: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  p12Base64: z.string(),
  p12Password: z.string(),
});
export type IssuedCertificate = Wire<typeof issuedCertificateSchema>;

/**
 * One row of GET /api/users/:userId/certificates and GET /api/me/certificates. `fingerprint`:
 * SHA-256 of the DER, upper-case hex pairs joined by ':'. The times are ISO strings already.
 */
export const certificateViewSchema = z.object({
  id: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type CertificateView = Wire<typeof certificateViewSchema>;
export const certificateListSchema = z.object({ items: z.array(certificateViewSchema) });
export type CertificateList = Wire<typeof certificateListSchema>;

/** GET /api/organization/support-id: the customer organisation's サポートID. */
export const supportIdSchema = z.object({ supportId: z.string() });
export type SupportId = Wire<typeof supportIdSchema>;

/** POST /api/account-requests → 201. */
export const createdAccountRequestSchema = z.object({ id: z.string(), status: z.literal('received') });
export type CreatedAccountRequest = Wire<typeof createdAccountRequestSchema>;

const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });

/** One row of GET /api/account-requests and GET /api/operator/account-requests (times as ISO strings). */
export const accountRequestViewSchema = z.object({
  id: z.string(),
  kind: z.enum(accountRequestKinds),
  status: z.enum(accountRequestStatuses),
  businessDays: z.number(),
  organizationId: z.string(),
  organizationName: z.string(),
  requestedBy: personSchema,
  targetUser: personSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type AccountRequestView = Wire<typeof accountRequestViewSchema>;
export const accountRequestListSchema = z.object({ items: z.array(accountRequestViewSchema) });
export type AccountRequestList = Wire<typeof accountRequestListSchema>;

/**
 * GET /api/downloads/:token: what the link holds, before it is used. POST
 * /api/downloads/:token/download consumes it: a certificate answers the PKCS#12 file
 * (application/x-pkcs12, attachment `fileName`); a temporary password answers JSON
 * `{ temporaryPassword }`.
 */
export const downloadViewSchema = z.object({
  kind: z.enum(['certificate', 'temporary_password']),
  fileName: z.string().nullable(),
  expiresAt: z.string(),
});
export type DownloadView = Wire<typeof downloadViewSchema>;
