/**
 * The ILIKE pattern for a partial match of `term` (部分一致): `%`, `_` and `\` in the term stand
 * for themselves.
 */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
