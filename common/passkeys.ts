import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';
import { requiredText, text, typeError } from './schemas.js';

/**
 * Request bodies of passkeys (WebAuthn second factor): registering one in the account settings
 * and answering the login step. The `response` objects are what `navigator.credentials.create()`
 * / `.get()` produce once serialised with `PublicKeyCredential.toJSON()` (or
 * `@simplewebauthn/browser`); the server checks them cryptographically, this schema only bounds
 * their shape and size.
 */

/** Longest display name of a passkey (「このPCのWindows Hello」 and the like). */
export const passkeyNameMax = 50;
/** Passkeys one user may hold. */
export const passkeysPerUserMax = 20;

const base64url = (max: number) =>
  text()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.invalid' });
/** Browsers' `toJSON()` may send null for an absent value: read as absent. */
const absentAsUndefined = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v) => v ?? undefined);
const optionalBase64url = (max: number) => absentAsUndefined(base64url(max));

const credentialId = base64url(1400);
const transports = z.array(text().max(32), { error: typeError }).max(10).optional();
const clientExtensionResults = z
  .record(text({ error: 'validation.invalid' }), z.unknown(), { error: typeError })
  .default({});
const attachment = absentAsUndefined(z.enum(['platform', 'cross-platform'], { error: 'validation.invalid' }));

/** `RegistrationResponseJSON`; browsers add fields (publicKey, …) to `response`, so it is not strict. */
export const passkeyRegistrationResponse = z.object(
  {
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key', { error: 'validation.invalid' }),
    authenticatorAttachment: attachment,
    clientExtensionResults,
    response: z.object(
      {
        clientDataJSON: base64url(4096),
        attestationObject: base64url(65536),
        transports,
        authenticatorData: optionalBase64url(65536),
        publicKey: optionalBase64url(4096),
        publicKeyAlgorithm: absentAsUndefined(z.number().int()),
      },
      { error: typeError },
    ),
  },
  { error: typeError },
);
export type PasskeyRegistrationResponse = z.infer<typeof passkeyRegistrationResponse>;

/** `AuthenticationResponseJSON` as sent with `{ method: 'passkey', response }` to /api/auth/mfa/verify. */
export const passkeyAuthenticationResponse = z.object(
  {
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key', { error: 'validation.invalid' }),
    authenticatorAttachment: attachment,
    clientExtensionResults,
    response: z.object(
      {
        clientDataJSON: base64url(4096),
        authenticatorData: base64url(65536),
        signature: base64url(4096),
        userHandle: optionalBase64url(256),
      },
      { error: typeError },
    ),
  },
  { error: typeError },
);
export type PasskeyAuthenticationResponse = z.infer<typeof passkeyAuthenticationResponse>;

/** POST /api/me/passkeys: the name the user gives the passkey and the browser's answer. */
export const registerPasskeyBody = z.strictObject({
  name: requiredText(passkeyNameMax),
  response: passkeyRegistrationResponse,
});
export type RegisterPasskeyBody = z.infer<typeof registerPasskeyBody>;

/** The passkey branch of POST /api/auth/mfa/verify (A's body is a union over `method`). */
export const passkeyVerifyBody = z.strictObject({
  method: z.literal('passkey'),
  response: passkeyAuthenticationResponse,
});
export type PasskeyVerifyBody = z.infer<typeof passkeyVerifyBody>;

export const passkeyIdParams = z.strictObject({
  passkeyId: text().regex(/^\d{1,18}$/, { error: 'validation.invalid' }),
});

/** WebAuthn options as `@simplewebauthn/server` makes them, passed to the browser unchanged. */
export const webauthnOptionsSchema = z.looseObject({ challenge: z.string() });
export type WebauthnOptions = Wire<typeof webauthnOptionsSchema>;

/** One of the user's passkeys (GET /api/me/passkeys). */
export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  /** Synced between devices (a multi-device passkey that is backed up). */
  backedUp: z.boolean(),
});
export type Passkey = Wire<typeof passkeySchema>;
export const passkeyListSchema = z.object({ items: z.array(passkeySchema) });
export type PasskeyList = Wire<typeof passkeyListSchema>;

/** POST /api/me/passkeys → 201. */
export const createdPasskeySchema = passkeySchema.pick({ id: true, name: true, createdAt: true });
export type CreatedPasskey = Wire<typeof createdPasskeySchema>;
