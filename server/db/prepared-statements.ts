import { createHash } from 'node:crypto';

/**
 * Which SQL texts run as named prepared statements: each connection then parses and plans them
 * once (PostgreSQL may keep a generic plan), and later runs only bind and execute them. That
 * matters most with row-level security, whose policies make planning several times dearer.
 *
 * A generic plan estimates a parameter at the column's average. Where the code fixes a value of a
 * skewed column (`kind = 'partner'`: 11 partners among 200,000 organisations), write it as a
 * literal (`sql.lit`) so that every plan sees it.
 *
 * A text is named when code asks for it (`executePrepared`) or the second time it runs. The
 * application's texts are a bounded set; texts that vary with the input (an IN list of another
 * length) rarely repeat, and past the caps nothing new is named, so a connection never holds more
 * than MAX_NAMED statements.
 */
const MAX_NAMED = 2_000;
const MAX_SEEN = 20_000;
const names = new Map<string, string>();
const seen = new Set<string>();

const nameOf = (text: string) => `mg_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;

/** Names `text` now (a statement of every request, such as the session lookup). */
export function prepareStatement(text: string): void {
  if (!names.has(text)) names.set(text, nameOf(text));
}

/** The statement name of `text`, if it runs prepared; counts its first run otherwise. */
export function statementNameFor(text: string): string | undefined {
  const name = names.get(text);
  if (name || names.size >= MAX_NAMED) return name;
  if (seen.has(text)) {
    seen.delete(text);
    prepareStatement(text);
    return names.get(text);
  }
  if (seen.size >= MAX_SEEN) seen.clear();
  seen.add(text);
  return undefined;
}
