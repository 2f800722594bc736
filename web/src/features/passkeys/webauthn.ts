/**
 * The browser's WebAuthn calls with JSON in and out (the server speaks the
 * `@simplewebauthn/server` JSON shapes): `PublicKeyCredential.parse…FromJSON` and `toJSON()`.
 */

/** Answers may carry the options directly or as `{ options }`. */
function optionsOf<T>(answer: unknown): T {
  const value = answer as { options?: T } & T;
  return (value.options ?? value) as T;
}

export function webAuthnSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential !== 'undefined' &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
  );
}

export async function createPasskey(answer: unknown) {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(
    optionsOf<PublicKeyCredentialCreationOptionsJSON>(answer),
  );
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new Error('no credential');
  return credential.toJSON();
}

export async function getPasskeyAssertion(answer: unknown) {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(
    optionsOf<PublicKeyCredentialRequestOptionsJSON>(answer),
  );
  const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new Error('no credential');
  return credential.toJSON();
}
