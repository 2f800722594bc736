/** What stands in the stored body where a link's one-time token was. */
export const REDACTED = '[redacted]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Takes the one-time tokens out of the portal's links in a delivered message: in every URL that
 * starts with `publicUrl`, each run of 32 or more base64url characters (a 256-bit token is 43)
 * becomes `[redacted]`. Other links and the rest of the text stay as they were.
 */
export function redactLinks(body: string, publicUrl: string): string {
  const portalLink = new RegExp(`${escapeRegExp(publicUrl)}/[\\x21-\\x7e]*`, 'g');
  return body.replace(portalLink, (url) => url.replace(/[A-Za-z0-9_-]{32,}/g, REDACTED));
}
