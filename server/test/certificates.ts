import { sql } from 'kysely';
import forge from 'node-forge';
import type { Db } from '../db/pool.js';
import type { TestClient } from './http-client.js';

const certBag = forge.pki.oids.certBag as string;
const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;

/** The certificate and key inside an issued PKCS#12, read the way a browser imports it. */
export function openPkcs12(p12Base64: string, password: string) {
  const asn1 = forge.asn1.fromDer(forge.util.decode64(p12Base64));
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  const certs = p12.getBags({ bagType: certBag })[certBag] ?? [];
  const keys = p12.getBags({ bagType: keyBag })[keyBag] ?? [];
  const pems = certs.map((b) => forge.pki.certificateToPem(b.cert!));
  const key = keys[0]?.key;
  if (!key || pems.length === 0) throw new Error('PKCS#12 without a key or a certificate');
  // The user's certificate is the one whose public key matches the private key.
  const own = certs.find((b) =>
    (b.cert!.publicKey as forge.pki.rsa.PublicKey).n.equals((key as forge.pki.rsa.PrivateKey).n),
  );
  return {
    certificatePem: forge.pki.certificateToPem(own!.cert!),
    chainPems: pems,
    keyPem: forge.pki.privateKeyToPem(key),
    subject: own!.cert!.subject.attributes.map((a) => ({
      name: a.shortName ?? a.name,
      value: forge.util.decodeUtf8(String(a.value)),
      valueTagClass: a.valueTagClass,
    })),
  };
}

/** The headers nginx sends for a verified client certificate (`$ssl_client_escaped_cert`). */
export function proxyHeaders(certificatePem: string, verify = 'SUCCESS') {
  return { 'x-client-cert': encodeURIComponent(certificatePem), 'x-client-verify': verify };
}

/** Issues (or reissues) a certificate to `userId` through the admin API; answers its id and PEM. */
export async function issueThroughApi(admin: TestClient, userId: string, path = 'certificates') {
  const res = await admin.post(`/api/users/${userId}/${path}`);
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode}`);
  const { id, p12Base64, p12Password } = res.json();
  return { id: id as string, pem: openPkcs12(p12Base64, p12Password).certificatePem };
}

/** The details of the newest audit event of `action`. */
export async function lastAuditDetails(db: Db, action: string) {
  const { rows } = await sql<{ details: unknown }>`
    SELECT details FROM audit_events WHERE action = ${action} ORDER BY id DESC LIMIT 1`.execute(db);
  return rows[0]?.details;
}
