import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { PasskeyAuthenticationResponse } from '../../../common/passkeys.js';
import type { AppDeps } from '../../deps.js';
import { attemptBinding, takeChallenge } from './challenges.js';
import { relyingParty } from './relying-party.js';
import { advancePasskeyCounter, findUserCredential } from './repository.js';
import type { PasskeyLoginAttempt } from './start-login-step.js';

/**
 * The login-step verifier for method 'passkey' (plugs into the MFA verify map): true only when the
 * assertion answers this attempt's pending challenge, comes from PUBLIC_URL's origin, is signed by
 * one of the attempt user's own passkeys, and its signature counter moved forward. The challenge
 * is used up either way; the caller turns false into the generic invalid_code and counts it.
 * The counter is advanced with a compare-and-set, so two parallel replays cannot both pass.
 */
export async function verifyPasskeyLoginStep(
  deps: AppDeps,
  attempt: PasskeyLoginAttempt,
  body: { response: PasskeyAuthenticationResponse },
): Promise<boolean> {
  const { db, clock } = deps;
  const challenge = await takeChallenge(db, clock, attemptBinding(attempt.id), attempt.userId);
  if (!challenge) return false;
  const passkey = await findUserCredential(db, attempt.userId, body.response.id);
  if (!passkey) return false;
  const rp = relyingParty(deps.config);
  const storedCounter = Number(passkey.counter);
  const result = await verifyAuthenticationResponse({
    response: body.response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: passkey.credential_id,
      publicKey: new Uint8Array(passkey.public_key),
      counter: storedCounter,
      transports: passkey.transports,
    },
    requireUserVerification: false,
  }).catch(() => undefined);
  if (!result?.verified) return false;
  const { newCounter } = result.authenticationInfo;
  // Authenticators without a counter always send 0; any other must move past the stored value.
  return advancePasskeyCounter(db, attempt.userId, passkey.id, { counter: newCounter, at: clock.now() });
}
