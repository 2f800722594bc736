/** List state kept in the address (?page=2&sort=name&order=asc&q=…): reading and writing. */

export function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** One of `allowed`, else the fallback. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Only values that differ from the defaults go into the address. */
export function writeListParams<P extends Record<string, string | number>>(
  params: P,
  defaults: P,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(defaults)) {
    const value = params[key];
    if (value !== defaults[key] && value !== '') search.set(key, String(value));
  }
  return search;
}
