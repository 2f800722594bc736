// @peculiar/x509 needs the decorator metadata polyfill before it is loaded.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as Crypto);

export { x509 };

export const rsaAlgorithm = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

/** A new RSA 2048 key pair (extractable: the private key goes into a PKCS#12 or the CA row). */
export function generateRsaKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(rsaAlgorithm, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function exportPkcs8Pem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

export function importPkcs8Pem(pem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decode(pem)[0]!, rsaAlgorithm, true, [
    'sign',
  ]) as Promise<CryptoKey>;
}

/** A random positive 128-bit serial as hex (leading 00 keeps the DER integer positive). */
export function newSerial(): string {
  return `00${Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex')}`;
}

/** SHA-256 of the DER, upper-case hex pairs joined by ':' (what browsers and OpenSSL show). */
export async function fingerprintOf(cert: x509.X509Certificate): Promise<string> {
  const hash = Buffer.from(await cert.getThumbprint('SHA-256'));
  return hash.toString('hex').toUpperCase().match(/../g)!.join(':');
}
