import forge from 'node-forge';

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
