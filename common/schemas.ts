import { z } from 'zod';
import { limits } from './limits.js';
import { locales } from './roles.js';

/**
 * Request bodies shared by the browser forms and the server routes. Messages are i18n keys
 * (`validation.*`) that both sides translate into the user's language.
 */
/** Missing → "required"; present but of the wrong type → "invalid". */
export const typeError = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid';

export const email = z
  .string({ error: typeError })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(limits.email, { error: 'validation.tooLong' })
  .pipe(z.email({ error: 'validation.email' }));

export const requiredText = (max: number) =>
  z
    .string({ error: typeError })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });

export const loginBody = z.strictObject({
  email,
  password: z
    .string({ error: typeError })
    .min(1, { error: 'validation.required' })
    .max(limits.password, { error: 'validation.tooLong' }),
});
export type LoginBody = z.infer<typeof loginBody>;

export const selectOrganizationBody = z.strictObject({
  organizationId: z.string().regex(/^\d{1,18}$/, { error: 'validation.invalid' }),
});

export const localeBody = z.strictObject({ locale: z.enum(locales, { error: 'validation.invalid' }) });

export const createTenantBody = z.strictObject({ name: requiredText(limits.tenantName) });
export type CreateTenantBody = z.infer<typeof createTenantBody>;

export const inviteTenantAdminBody = z.strictObject({ email });
export type InviteTenantAdminBody = z.infer<typeof inviteTenantAdminBody>;

/** Minimal password rule until the per-organisation policy arrives (ID-3). */
export const newPassword = z
  .string({ error: typeError })
  .min(12, { error: 'validation.passwordTooShort' })
  .max(limits.password, { error: 'validation.tooLong' });

export const acceptInvitationBody = z
  .strictObject({
    name: requiredText(limits.personName),
    password: newPassword,
    passwordConfirm: z.string({ error: typeError }).max(limits.password, { error: 'validation.tooLong' }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'validation.passwordMismatch',
  });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});
