import type { z } from 'zod';
import type { Locale } from '../../common/roles.js';
import { AppError } from './errors.js';
import { fieldErrors } from './http-errors.js';

/**
 * Validates input against a schema chosen after the route's own validation (a body whose shape
 * depends on the object, e.g. the kind of an invitation link): failures are the same 400 with
 * per-field messages that route-level validation gives.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    keyword: issue.code,
    instancePath: `/${issue.path.join('/')}`,
    message: issue.message,
    params: issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {},
  }));
  throw new AppError(400, 'validation', fieldErrors(issues, locale));
}
