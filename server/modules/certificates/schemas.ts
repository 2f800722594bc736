import { z } from 'zod';

export const certificateIdParams = z.strictObject({ certificateId: z.string().regex(/^\d{1,18}$/) });

export const certificateView = z.object({
  id: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const certificateList = z.object({ items: z.array(certificateView) });

export const issuedCertificate = z.object({
  id: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  p12Base64: z.string(),
  p12Password: z.string(),
});
