/** Turns zod issues and server field errors into the `{ name, errors }` entries antd forms show. */
import { splitFieldMessage } from '../../../../common/messages.js';

export type FieldPath = (string | number)[];
export type FieldError = { name: FieldPath; errors: string[] };

type IssueLike = { path: readonly PropertyKey[]; message: string };

function toFieldPath(path: readonly PropertyKey[]): FieldPath {
  return path.map((part) => (typeof part === 'number' ? part : String(part)));
}

function group(entries: Array<[FieldPath, string]>): FieldError[] {
  const byKey = new Map<string, FieldError>();
  for (const [name, message] of entries) {
    const key = JSON.stringify(name);
    const entry = byKey.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Groups zod issues by field; issues without a path (whole-object) are left out. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldError[] {
  return group(issues.filter((i) => i.path.length > 0).map((i) => [toFieldPath(i.path), i.message]));
}

/** Messages of the issues that belong to one field (`'email'` or `'a.b'`). */
export function messagesForField(issues: readonly IssueLike[], field: string): string[] {
  const wanted = field.split('.');
  const messages = issues
    .filter((i) => i.path.length === wanted.length && i.path.every((p, n) => String(p) === wanted[n]))
    .map((i) => i.message);
  return [...new Set(messages)];
}

/** Server answers `fields: { email: ['…'] }`; nested fields arrive dotted (`address.city`). */
export function serverFieldErrors(fields: Record<string, string[]> | undefined): FieldError[] {
  if (!fields) return [];
  return Object.entries(fields)
    .filter(([, messages]) => messages.length > 0)
    .map(([field, messages]) => ({
      name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [...new Set(messages)],
    }));
}

/**
 * Translates one message key (such as `validation.required`), or a key with its argument
 * (`validation.unknownPlaceholder:{{Foo}}` fills `{value}`); plain texts pass through unchanged.
 */
export function translateFieldMessage(message: string, translate: (key: string) => string): string {
  const { key, value } = splitFieldMessage(message);
  return value === undefined ? translate(message) : translate(key).replace('{value}', value);
}

/** Translates message keys (such as `validation.required`); plain texts pass through unchanged. */
export function translateFieldErrors(errors: FieldError[], translate: (key: string) => string): FieldError[] {
  return errors.map((e) => ({
    name: e.name,
    errors: e.errors.map((m) => translateFieldMessage(m, translate)),
  }));
}
