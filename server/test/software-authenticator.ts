import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { encodeCbor } from './cbor.js';

/**
 * A software WebAuthn authenticator for integration tests: ES256 keys from node:crypto,
 * attestation 'none', and assertions signed the way a real authenticator signs them, so the
 * server's verification runs for real. Each test can bend one thing (origin, challenge, counter,
 * credential) to see it refused.
 */

type Credential = { id: Buffer; privateKey: KeyObject; publicKey: KeyObject; counter: number };
type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };
type Bend = { origin?: string; challenge?: string; rpId?: string };

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

/** Flags: user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export class SoftwareAuthenticator {
  readonly credentials: Credential[] = [];

  constructor(private readonly origin: string) {}

  /** The answer of `navigator.credentials.create(options)`, serialised like `toJSON()`. */
  register(options: CreationOptions, bend: Bend = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: Credential = { id: randomBytes(32), privateKey, publicKey, counter: 0 };
    this.credentials.push(credential);
    const clientDataJSON = this.clientData(
      'webauthn.create',
      bend.challenge ?? options.challenge,
      bend.origin,
    );
    const authData = Buffer.concat([
      this.authDataHead(bend.rpId ?? options.rp.id!, UP | UV | AT, 0),
      Buffer.alloc(16), // AAGUID: none
      u16(credential.id.length),
      credential.id,
      coseKey(publicKey),
    ]);
    const attestationObject = encodeCbor({ fmt: 'none', attStmt: {}, authData });
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /**
   * The answer of `navigator.credentials.get(options)` with one of this authenticator's
   * credentials (the newest unless told); `counter` sets the signature counter sent (a replay).
   */
  assert(options: RequestOptions, bend: Bend & { credential?: Credential; counter?: number } = {}) {
    const credential = bend.credential ?? this.credentials.at(-1)!;
    credential.counter = bend.counter ?? credential.counter + 1;
    const clientDataJSON = this.clientData('webauthn.get', bend.challenge ?? options.challenge, bend.origin);
    const authData = this.authDataHead(bend.rpId ?? options.rpId!, UP | UV, credential.counter);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      credential.privateKey,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
    };
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private authDataHead(rpId: string, flags: number, counter: number): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};

/** The COSE_Key of an EC2 P-256 public key for ES256 (RFC 9053). */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return encodeCbor(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
}
