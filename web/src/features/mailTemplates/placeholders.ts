/** `{{Name}}`, whether the server lists a placeholder with or without its braces. */
export const placeholderToken = (name: string) => (name.startsWith('{{') ? name : `{{${name}}}`);

export type Selection = { start: number; end: number };

/**
 * `text` with `token` in place of the selection (at the end when there is none, or when the
 * selection lies beyond the text), and where the caret goes after it.
 */
export function insertToken(
  text: string,
  token: string,
  selection: Selection | null,
): { text: string; caret: number } {
  const start = Math.min(selection?.start ?? text.length, text.length);
  const end = Math.max(start, Math.min(selection?.end ?? text.length, text.length));
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}
