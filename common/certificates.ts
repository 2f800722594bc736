import { z } from 'zod';
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
export interface IssuedCertificate {
  id: string;
  serial: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  p12Base64: string;
  p12Password: string;
}

/** One row of GET /api/users/:userId/certificates and GET /api/me/certificates. */
export interface CertificateView {
  id: string;
  serial: string;
  /** SHA-256 of the DER, upper-case hex pairs joined by ':'. */
  fingerprint: string;
  subject: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** One row of GET /api/account-requests and GET /api/operator/account-requests. */
export interface AccountRequestView {
  id: string;
  kind: AccountRequestKind;
  status: AccountRequestStatus;
  businessDays: number;
  organizationId: string;
  organizationName: string;
  requestedBy: { id: string; name: string | null; email: string };
  targetUser: { id: string; name: string | null; email: string };
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

/**
 * GET /api/downloads/:token: what the link holds, before it is used. POST
 * /api/downloads/:token/download consumes it: a certificate answers the PKCS#12 file
 * (application/x-pkcs12, attachment `fileName`); a temporary password answers JSON
 * `{ temporaryPassword }`.
 */
export interface DownloadView {
  kind: 'certificate' | 'temporary_password';
  fileName: string | null;
  expiresAt: string;
}
