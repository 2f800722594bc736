import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { findAuthorityRow, insertAuthorityUnlessPresent } from './repository.js';
import { open, resolveEncryptionKey, seal } from './secret-box.js';
import { exportPkcs8Pem, generateRsaKeys, importPkcs8Pem, newSerial, x509 } from './x509.js';

export const CA_SUBJECT = 'CN=Madoguchi Client CA';
export const SERVER_CA_SUBJECT = 'CN=Madoguchi Server CA';
const CA_YEARS = 10;

/**
 * The two issuers the portal keeps: 'client' signs users' client certificates and the CRL, and is
 * the only CA the mutual-TLS listener (or nginx) trusts for clients; 'server' signs only the
 * HTTPS listener's own certificate, so neither can stand in for the other.
 */
export type AuthorityPurpose = 'client' | 'server';
const subjects: Record<AuthorityPurpose, string> = { client: CA_SUBJECT, server: SERVER_CA_SUBJECT };

/** A portal CA as the running process holds it. */
export type CertificateAuthority = {
  certificate: x509.X509Certificate;
  pem: string;
  privateKey: CryptoKey;
  /** The key that also seals pending downloads. */
  encryptionKey: Buffer;
};

const loaded: Record<AuthorityPurpose, WeakMap<Db, Promise<CertificateAuthority>>> = {
  client: new WeakMap(),
  server: new WeakMap(),
};

async function createAuthority(deps: AppDeps, key: Buffer, purpose: AuthorityPurpose): Promise<void> {
  const now = deps.clock.now();
  const keys = await generateRsaKeys();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: subjects[purpose],
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const encrypted = seal(key, Buffer.from(await exportPkcs8Pem(keys.privateKey)));
  // Two processes starting at once: the first insert wins, the other reads it.
  await insertAuthorityUnlessPresent(deps.db, {
    purpose,
    certificate_pem: cert.toString('pem'),
    encrypted_key: encrypted,
    created_at: now,
  });
}

async function loadAuthority(deps: AppDeps, purpose: AuthorityPurpose): Promise<CertificateAuthority> {
  const key = resolveEncryptionKey(deps.config);
  if (!key) throw new AppError(409, 'certificates_unavailable');
  let row = await findAuthorityRow(deps.db, purpose);
  if (!row) {
    await createAuthority(deps, key, purpose);
    row = await findAuthorityRow(deps.db, purpose);
  }
  if (!row) throw new Error(`the portal ${purpose} CA could not be created`);
  let pkcs8: string;
  try {
    pkcs8 = open(key, row.encrypted_key).toString();
  } catch {
    throw new Error(
      `the portal ${purpose} CA key cannot be decrypted: CA_ENCRYPTION_KEY is not the key it was stored with`,
    );
  }
  return {
    certificate: new x509.X509Certificate(row.certificate_pem),
    pem: row.certificate_pem,
    privateKey: await importPkcs8Pem(pkcs8),
    encryptionKey: key,
  };
}

/**
 * A portal CA (ID-15), by default the client CA: created at first use (RSA 2048, self-signed,
 * 10 years, CN=Madoguchi Client CA or CN=Madoguchi Server CA) with its key stored encrypted, then
 * loaded once per database. Without an encryption key (production without CA_ENCRYPTION_KEY)
 * every certificate feature answers 409.
 */
export function certificateAuthority(
  deps: AppDeps,
  purpose: AuthorityPurpose = 'client',
): Promise<CertificateAuthority> {
  const cache = loaded[purpose];
  let ca = cache.get(deps.db);
  if (!ca) {
    ca = loadAuthority(deps, purpose);
    cache.set(deps.db, ca);
    // A failure is not cached: the next call tries again.
    ca.catch(() => cache.delete(deps.db));
  }
  return ca;
}

/** Start-up: create or load the CA when an encryption key is available; say so when not. */
export async function bootstrapCertificateAuthority(
  deps: AppDeps,
): Promise<CertificateAuthority | undefined> {
  if (!resolveEncryptionKey(deps.config)) {
    deps.log.warn('CA_ENCRYPTION_KEY is not set: client certificates are unavailable');
    return undefined;
  }
  return certificateAuthority(deps);
}
