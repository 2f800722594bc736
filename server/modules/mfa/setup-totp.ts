import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { AppDeps } from '../../deps.js';
import { setPendingTotp } from './repository.js';
import { totpFor } from './totp.js';

export type TotpSetup = { secret: string; otpauthUri: string; qrDataUrl: string };

/**
 * Starts pairing an authenticator app: a new 160-bit secret kept as pending until a valid code
 * confirms it; the answer shows it as text, as an otpauth:// URI and as a QR code (PNG data URL).
 */
export async function setupTotp(deps: AppDeps, user: { id: string; email: string }): Promise<TotpSetup> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await setPendingTotp(deps.db, user.id, secret, deps.clock.now());
  const otpauthUri = totpFor(secret, user.email).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUri, qrDataUrl };
}
