import * as OTPAuth from 'otpauth';
import type { Db } from '../../db/pool.js';
import { advanceTotpStep } from './repository.js';

const PERIOD = 30;

/** The authenticator-app parameters (RFC 6238): SHA-1, 6 digits, 30 s, issuer Madoguchi, label the e-mail. */
export const totpFor = (secretBase32: string, email: string) =>
  new OTPAuth.TOTP({
    issuer: 'Madoguchi',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

/** The time step the code belongs to, within ±1 step of now; null when it matches none. */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  // validate() returns the step delta; 0 (this very step) is a match, so compare with null.
  const delta = totpFor(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/**
 * Accepts a TOTP code for a user when it is valid now and of a later time step than the last one
 * accepted (a code already used — or an older one — is refused). Atomic in the user's row.
 */
export async function acceptTotp(
  trx: Db,
  input: { userId: string; secret: string; code: string; now: Date },
): Promise<boolean> {
  const step = totpStep(input.secret, input.code, input.now);
  if (step === null) return false;
  return advanceTotpStep(trx, input.userId, step);
}
