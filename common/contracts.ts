import { z } from 'zod';

/**
 * Response contracts: every answer of the API is a zod schema in `common/<area>.ts`, named
 * `<name>Schema`, next to its type `<Name> = Wire<typeof <name>Schema>`. The route declares the
 * schema (`schema.response`), so the server serialises through it and nothing else leaks; the web
 * app reads the same type. Adding a field to an answer changes one file.
 */

/**
 * A point in time in an answer: the handler returns a `Date`, the serialiser (the zod type
 * provider's `safeEncode`) writes `toISOString()` — ISO 8601 UTC, the same text `JSON.stringify`
 * makes of a Date — and the browser reads a string.
 */
export const timestamp = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/**
 * An answer as it travels and as the browser reads it (timestamps are strings). The handler's
 * side is `z.output` (timestamps are Dates), which the type provider checks the handler against.
 */
export type Wire<S extends z.ZodType> = z.input<S>;

/** `{ ok: true }`: the answer of a few actions whose result is only that they happened. */
export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = Wire<typeof okSchema>;
