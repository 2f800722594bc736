import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { lockLiveAttempt } from '../mfa/attempts.js';
import { attemptBinding, storeChallenge } from './challenges.js';
import { challengeMinutes, relyingParty } from './relying-party.js';
import { credentialDescriptors } from './repository.js';

/** The part of A's login attempt the passkey step needs. */
export type PasskeyLoginAttempt = { id: string; userId: string };

/**
 * Authentication options for `navigator.credentials.get()` in the login step: a fresh challenge
 * bound to this login attempt, only the user's own passkeys allowed. A user without passkeys gets
 * 409 mfa_method_unavailable.
 */
export async function startPasskeyLoginStep(
  deps: AppDeps,
  attempt: PasskeyLoginAttempt,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allowCredentials = await credentialDescriptors(deps.db, attempt.userId);
  if (allowCredentials.length === 0) throw new AppError(409, 'mfa_method_unavailable');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(deps.config).id,
    allowCredentials,
    userVerification: 'preferred',
    timeout: challengeMinutes * 60_000,
  });
  await storeChallenge(deps.db, deps.clock, attemptBinding(attempt.id), {
    userId: attempt.userId,
    challenge: options.challenge,
  });
  return options;
}

/**
 * POST /api/auth/mfa/passkey/options: the options for the live login attempt of the `mg_login`
 * cookie (401 login_expired without one), when that attempt offers 'passkey' (409 otherwise).
 */
export async function passkeyLoginOptions(
  deps: AppDeps,
  token: string | undefined,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return deps.db.transaction().execute(async (trx) => {
    const attempt = await lockLiveAttempt(trx, deps.clock, token);
    if (!attempt.methods.includes('passkey')) throw new AppError(409, 'mfa_method_unavailable');
    return startPasskeyLoginStep({ ...deps, db: trx }, { id: attempt.id, userId: attempt.user_id });
  });
}
