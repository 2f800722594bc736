import { verifyPasskeyLoginStep } from '../../passkeys/verify-login-step.js';
import { verifyRecoveryStep } from './recovery.js';
import { verifySentCodeStep } from './sent-code.js';
import { verifyTotpStep } from './totp.js';
import type { VerifierMap } from './types.js';

/** One verifier per login-step method (POST /api/auth/mfa/verify). */
export const loginVerifiers: VerifierMap = {
  totp: verifyTotpStep,
  mail: verifySentCodeStep,
  sms: verifySentCodeStep,
  recovery: verifyRecoveryStep,
  passkey: verifyPasskeyLoginStep,
};
