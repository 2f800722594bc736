import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../common/errors.js';
import { splitFieldMessage, translate } from '../../common/messages.js';
import type { Locale } from '../../common/roles.js';
import { AppError } from './errors.js';

type Issue = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

/** zod issues → `{ field: [message] }`, translated; unknown keys are named individually. */
export function fieldErrors(issues: Issue[], locale: Locale): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (field: string, text: string) => {
    const { key, value } = splitFieldMessage(text);
    const message = key.startsWith('validation.')
      ? translate(locale, key, value === undefined ? undefined : { value })
      : translate(locale, 'validation.invalid');
    const list = fields[field] ?? [];
    fields[field] = list;
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const k of issue.params.keys) add(path ? `${path}.${k}` : String(k), 'validation.unknownField');
    } else {
      add(path || '_', issue.message ?? 'validation.invalid');
    }
  }
  return fields;
}

export function errorBody(locale: Locale, code: string, fields?: Record<string, string[]>): ErrorBody {
  return { error: { code, message: translate(locale, `error.${code}`), ...(fields ? { fields } : {}) } };
}

/** One error shape for every failure; bad input is a 4xx, only our own faults are a 500. */
export function registerErrorHandling(
  app: FastifyInstance,
  onNotFound: (req: FastifyRequest, reply: FastifyReply) => unknown,
) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.locale ?? 'ja';
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(locale, err.code, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply
        .status(400)
        .send(errorBody(locale, 'validation', fieldErrors(err.validation as Issue[], locale)));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(errorBody(locale, 'rate_limited'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, body too large and the like.
      return reply
        .status(err.statusCode)
        .send(errorBody(locale, 'validation', { _: [translate(locale, 'validation.malformed')] }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody(locale, 'internal'));
  });
  app.setNotFoundHandler(onNotFound);
}
