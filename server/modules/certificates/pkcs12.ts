import { randomInt } from 'node:crypto';
import forge from 'node-forge';

// No look-alike characters: the admin reads the password out or types it on another device.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time PKCS#12 password: 16 characters, about 93 bits. */
export function newP12Password(): string {
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * A PKCS#12 file holding the key, the certificate and the CA certificate, protected by
 * `password` with 3DES and a SHA-1 MAC (what Windows 10 and OpenSSL 3 both import).
 */
export function buildPkcs12(input: {
  privateKeyPem: string;
  certificatePem: string;
  caPem: string;
  password: string;
  friendlyName: string;
}): Buffer {
  const key = forge.pki.privateKeyFromPem(input.privateKeyPem);
  const chain = [
    forge.pki.certificateFromPem(input.certificatePem),
    forge.pki.certificateFromPem(input.caPem),
  ];
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, input.password, {
    algorithm: '3des',
    friendlyName: input.friendlyName,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
