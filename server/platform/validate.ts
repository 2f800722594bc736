import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Locale } from '../../common/roles.js';
import { isCleanText } from '../../common/schemas.js';
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

type Issue = Parameters<typeof fieldErrors>[0][number];

/** Where `value` (a parsed body, query or params) holds a string or key no field accepts. */
function forbiddenTextIssues(value: unknown, path: string[], issues: Issue[]): Issue[] {
  const issue = (at: string[]) =>
    issues.push({
      keyword: 'custom',
      instancePath: at.length ? `/${at.join('/')}` : '',
      message: 'validation.controlCharacter',
      params: {},
    });
  // Tab and line breaks are left to the field's own schema (multi-line fields accept them).
  if (typeof value === 'string') {
    if (!isCleanText(value, true)) issue(path);
  } else if (value !== null && typeof value === 'object') {
    // Arrays too: their keys are the indexes.
    for (const [key, item] of Object.entries(value)) {
      if (!isCleanText(key, false)) issue(path);
      else forbiddenTextIssues(item, [...path, key], issues);
    }
  }
  return issues;
}

/**
 * The backstop behind the shared string schemas (common/schemas.ts `text()`): before any route's
 * own validation, every string of the body, query and path is checked for NUL, lone surrogates and
 * other control characters, so no route — present or future — can store them or fail on them.
 */
export async function refuseForbiddenText(req: FastifyRequest): Promise<void> {
  const issues: Issue[] = [];
  for (const part of [req.params, req.query, req.body]) forbiddenTextIssues(part, [], issues);
  if (issues.length > 0) throw new AppError(400, 'validation', fieldErrors(issues, req.locale));
}
