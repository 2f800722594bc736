import { ApiError } from '../api/client.js';

/**
 * The text to show for a failed request: the server's message (already in the user's
 * language), else a translation of its code, else a generic system error.
 */
export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('common.networkError');
    // `_` holds problems of the request as a whole (e.g. malformed), not of one field
    const general = error.fields._ ?? [];
    if (error.message) return [error.message, ...general].join(' ');
    const key = `error.${error.code}`;
    const translated = t(key);
    if (translated !== key) return translated;
  }
  return t('error.internal');
}
