import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import type { AppDeps } from '../../deps.js';
import type { SignedInUser } from '../../platform/auth/plugin.js';
import { sessionBinding, storeChallenge } from './challenges.js';
import { challengeMinutes, relyingParty } from './relying-party.js';
import { assertRoomForPasskey, credentialDescriptors } from './repository.js';

/**
 * Registration options for `navigator.credentials.create()`: a fresh challenge bound to the
 * caller's session, the user's existing passkeys excluded (one authenticator registers once),
 * attestation 'none' (no device tracking), user verification preferred. 409 passkey_limit when
 * the user already holds the most passkeys allowed.
 */
export async function startPasskeyRegistration(
  deps: AppDeps,
  input: { user: SignedInUser; sessionId: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await assertRoomForPasskey(deps.db, input.user.id);
  const rp = relyingParty(deps.config);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: input.user.email,
    userDisplayName: input.user.name,
    userID: userHandle(input.user.id),
    timeout: challengeMinutes * 60_000,
    attestationType: 'none',
    excludeCredentials: await credentialDescriptors(deps.db, input.user.id),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge(deps.db, deps.clock, sessionBinding(input.sessionId), {
    userId: input.user.id,
    challenge: options.challenge,
  });
  return options;
}

/** The WebAuthn user handle: the user's id, never the e-mail address. */
const userHandle = (userId: string) => new TextEncoder().encode(`mg-user-${userId}`);
