import { isIP } from 'node:net';
import type { CertificateAuthority } from './authority.js';
import { exportPkcs8Pem, generateRsaKeys, newSerial, x509 } from './x509.js';

/** How long a client certificate is valid. */
export const CLIENT_CERTIFICATE_DAYS = 365;
const DAY = 86_400_000;

type Signed = { certificate: x509.X509Certificate; privateKeyPem: string };

async function signWithAuthority(
  ca: CertificateAuthority,
  subject: x509.Name,
  now: Date,
  days: number,
  extensions: x509.Extension[],
): Promise<Signed> {
  const keys = await generateRsaKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject,
    issuer: ca.certificate.subjectName,
    // A minute of slack for clocks slightly behind the portal's.
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...extensions,
    ],
  });
  return { certificate, privateKeyPem: await exportPkcs8Pem(keys.privateKey) };
}

/**
 * A client certificate for a user (RSA 2048): CN = the user's name and O = the organisation's,
 * both UTF-8 (Japanese names), emailAddress; usable for TLS client authentication only.
 */
export function signClientCertificate(
  ca: CertificateAuthority,
  input: { name: string; email: string; organizationName: string; now: Date },
): Promise<Signed> {
  const subject = new x509.Name([
    { CN: [{ utf8String: input.name }] },
    { E: [{ ia5String: input.email }] },
    { O: [{ utf8String: input.organizationName }] },
  ]);
  return signWithAuthority(ca, subject, input.now, CLIENT_CERTIFICATE_DAYS, [
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth], false),
    new x509.SubjectAlternativeNameExtension([{ type: 'email', value: input.email }]),
  ]);
}

/** The HTTPS listener's own certificate (signed by the server CA), for the configured names and addresses. */
export function signServerCertificate(
  ca: CertificateAuthority,
  hostnames: string[],
  now: Date,
): Promise<Signed> {
  return signWithAuthority(
    ca,
    new x509.Name([{ CN: [{ utf8String: hostnames[0] ?? 'localhost' }] }]),
    now,
    90,
    [
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(
        hostnames.map((h) =>
          isIP(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h },
        ),
      ),
    ],
  );
}
