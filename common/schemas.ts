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

/**
 * Characters no field accepts: control characters (C0, DEL, C1) and lone UTF-16 surrogates.
 * PostgreSQL refuses NUL in text and a lone surrogate in jsonb; none of them is typed by a person.
 * Tab, LF and CR are allowed in multi-line fields only.
 */
const forbiddenInLine = /[\p{Cc}\p{Cs}]/u;
const forbiddenInMultiline = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
export const isCleanText = (value: string, multiline = false) =>
  !(multiline ? forbiddenInMultiline : forbiddenInLine).test(value);

/**
 * Every string of a request starts here, so every field refuses the characters above before any
 * other rule (and only with that message). `error`: the message for a missing or non-string value.
 */
export const text = ({
  multiline = false,
  error = typeError,
}: {
  multiline?: boolean;
  error?: string | typeof typeError;
} = {}) =>
  z
    .string({ error })
    .refine((v) => isCleanText(v, multiline), { error: 'validation.controlCharacter', abort: true });

export const email = text()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(limits.email, { error: 'validation.tooLong' })
  .pipe(z.email({ error: 'validation.email' }));

export const requiredText = (max: number, opts: { multiline?: boolean } = {}) =>
  text(opts).trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

export const loginBody = z.strictObject({
  email,
  password: text()
    .min(1, { error: 'validation.required' })
    .max(limits.password, { error: 'validation.tooLong' }),
});
export type LoginBody = z.infer<typeof loginBody>;

export const selectOrganizationBody = z.strictObject({
  organizationId: text({ error: 'validation.invalid' }).regex(/^\d{1,18}$/, { error: 'validation.invalid' }),
});

export const localeBody = z.strictObject({ locale: z.enum(locales, { error: 'validation.invalid' }) });

export const createTenantBody = z.strictObject({ name: requiredText(limits.tenantName) });
export type CreateTenantBody = z.infer<typeof createTenantBody>;

export const inviteTenantAdminBody = z.strictObject({ email });
export type InviteTenantAdminBody = z.infer<typeof inviteTenantAdminBody>;

export const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});
/** The direction of a sorted list (every list query's `order`). */
export type SortOrder = z.output<typeof listQuery>['order'];
