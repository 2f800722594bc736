import { randomBytes, randomInt } from 'node:crypto';
import { hashToken } from '../../platform/tokens.js';

/** Mail / SMS codes are valid this long (the issue: ≤10 minutes). */
export const CODE_MINUTES = 10;

/** Six random digits. */
export const newOtpCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The stored hash of a short code, salted with what it is bound to (a login attempt, a user's
 * mobile check): the same digits of another attempt never match.
 */
export const hashCode = (binding: string, code: string) => hashToken(`${binding}:${code}`);

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A recovery code `xxxx-xxxx`, lower-case base32 (40 random bits). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => base32[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
