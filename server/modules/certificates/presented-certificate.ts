import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

/** What a request carries: nothing, an unreadable certificate, or a certificate's DER. */
export type PresentedCertificate =
  | { kind: 'none' }
  | { kind: 'malformed'; source: 'tls' | 'proxy' }
  | { kind: 'certificate'; source: 'tls' | 'proxy'; der: Buffer };

/** The part of a request the certificate is read from. */
export type CertificateSource = Pick<FastifyRequest, 'headers' | 'socket'>;

const unmapped = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a);

/** Addresses and CIDR ranges (IPv4 and IPv6) as one membership test. */
export function addressMatcher(entries: string[]): (address: string | undefined) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const a = unmapped(address);
    const type = isIP(a) === 6 ? 'ipv6' : 'ipv4';
    return isIP(a) !== 0 && list.check(a, type);
  };
}

const pemPattern = /^-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END CERTIFICATE-----\r?\n?$/;

function fromProxyHeader(headers: FastifyRequest['headers']): PresentedCertificate {
  const verify = headers['x-client-verify'];
  const raw = headers['x-client-cert'];
  if (raw === undefined && verify === undefined) return { kind: 'none' };
  // nginx sends verify NONE and an empty certificate when the browser offered none.
  if (verify === 'NONE' && (raw === undefined || raw === '')) return { kind: 'none' };
  if (verify !== 'SUCCESS' || typeof raw !== 'string') return { kind: 'malformed', source: 'proxy' };
  let pem: string;
  try {
    pem = decodeURIComponent(raw);
  } catch {
    return { kind: 'malformed', source: 'proxy' };
  }
  const match = pemPattern.exec(pem.trim().concat('\n'));
  if (!match) return { kind: 'malformed', source: 'proxy' };
  return { kind: 'certificate', source: 'proxy', der: Buffer.from(match[1]!.replace(/\s/g, ''), 'base64') };
}

/**
 * The client certificate of a request: from the TLS socket when the request came over the
 * mutual-TLS listener; else from the X-Client-Cert / X-Client-Verify headers, believed only when
 * the connection comes straight from a trusted proxy (from anywhere else they are ignored).
 */
export function presentedCertificate(
  req: CertificateSource,
  isTrustedProxy: (address: string | undefined) => boolean,
): PresentedCertificate {
  const socket = req.socket as Partial<TLSSocket>;
  if (socket.encrypted && typeof socket.getPeerCertificate === 'function') {
    const peer = socket.getPeerCertificate();
    if (!peer?.raw) return { kind: 'none' };
    return { kind: 'certificate', source: 'tls', der: peer.raw };
  }
  if (!isTrustedProxy(req.socket.remoteAddress)) return { kind: 'none' };
  return fromProxyHeader(req.headers);
}
