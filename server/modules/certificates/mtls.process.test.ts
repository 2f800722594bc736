import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyHeaders } from '../../test/certificates.js';
import { createTestDatabase, installationEnv, type TestDatabase } from '../../test/database.js';
import { makeCustomer, makeTenant, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { freePort, type ServerProcess, spawnServer } from '../../test/spawn-server.js';

/**
 * The real process with its mutual-TLS listener, driven by curl with the PKCS#12 the portal
 * issued (ID-15, `004 §2-2`), and the same app behind a real nginx that terminates TLS and
 * forwards the verified certificate in a header.
 */
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'mg-mtls-'));
const file = (name: string) => path.join(dir, name);
/** The only address the app believes certificate headers from: nginx binds to it upstream. */
const PROXY_ADDRESS = '127.0.0.3';
const ADMIN = 'admin@mtls.example.jp';
const HOLDER = 'holder@mtls.example.jp';

let database: TestDatabase;
let server: ServerProcess;
let httpsPort: number;
let nginx: ChildProcess | undefined;
let nginxPort: number;
let holderId: string;
/** The holder's newest certificate (the tests below reissue it). */
let first: { id: string; p12: string; password: string; pem: string };
/** The holder's first certificate, revoked by the first reissue. */
let revokedByReissue: { id: string; p12: string; password: string; pem: string };

type Answer = { status: number; body: string };

/** One curl call with a cookie jar (CSRF cookie echoed in the header); answers status and body. */
async function curl(jar: string, url: string, args: string[] = [], body?: unknown): Promise<Answer> {
  const csrf = () => {
    const text = existsSync(file(jar)) ? readFileSync(file(jar), 'utf8') : '';
    return /mg_csrf\t(\S+)/.exec(text)?.[1] ?? '';
  };
  const common = ['-sS', '-b', file(jar), '-c', file(jar), '-w', '\n%{http_code}', ...args];
  if (!csrf()) await run('curl', [...common, url.replace(/\/api\/.*$/, '/api/session')]);
  const post = body
    ? [
        '-X',
        'POST',
        '-H',
        'content-type: application/json',
        '-H',
        `x-csrf-token: ${csrf()}`,
        '--data',
        JSON.stringify(body),
      ]
    : [];
  const { stdout } = await run('curl', [...common, ...post, url]);
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

/** Signs in as the admin over plain HTTP and issues (or reissues) the holder's certificate. */
async function issue(kind: 'certificates' | 'certificates/reissue') {
  const jar = `admin-${kind.replace('/', '-')}.txt`;
  expect(
    (await curl(jar, `${server.url}/api/auth/login`, [], { email: ADMIN, password: TEST_PASSWORD })).status,
  ).toBe(200);
  const res = await curl(jar, `${server.url}/api/users/${holderId}/${kind}`, [], {});
  expect(res.status).toBe(201);
  const issued = JSON.parse(res.body) as { id: string; p12Base64: string; p12Password: string };
  const p12 = file(`holder-${issued.id}.p12`);
  writeFileSync(p12, Buffer.from(issued.p12Base64, 'base64'));
  const pem = (
    await run('openssl', [
      'pkcs12',
      '-in',
      p12,
      '-passin',
      `pass:${issued.p12Password}`,
      '-nokeys',
      '-clcerts',
    ])
  ).stdout;
  return { id: issued.id, p12, password: issued.p12Password, pem: pem.slice(pem.indexOf('-----BEGIN')) };
}

const loginBody = { email: HOLDER, password: TEST_PASSWORD };
let jarSeq = 0;
const jar = () => `jar-${++jarSeq}.txt`;
const tls = (cert?: { p12: string; password: string }) => [
  '--cacert',
  file('server-ca.pem'),
  ...(cert ? ['--cert-type', 'P12', '--cert', `${cert.p12}:${cert.password}`] : []),
];

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await makeTenant(database.db);
  const customer = await makeCustomer(database.db, tenant.id);
  await makeUser(database.db, ADMIN, [{ organization: customer, role: 'admin' }]);
  const holder = await makeUser(database.db, HOLDER, [{ organization: customer, role: 'member' }], {
    name: '証明書 花子',
  });
  holderId = holder.id;
  await database.db
    .updateTable('users')
    .set({ mfa_method: 'certificate' })
    .where('id', '=', holderId)
    .execute();
  httpsPort = await freePort();
  server = await spawnServer({
    ...installationEnv(database.url),
    CA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    HTTPS_PORT: String(httpsPort),
    TLS_HOSTNAMES: '127.0.0.1,localhost',
    CERT_HEADER_TRUSTED_PROXIES: PROXY_ADDRESS,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    MAILBOX: 'on',
  });
  // The listener's certificate comes from the server CA; clients are verified against the client CA.
  const serverCa = await database.db
    .selectFrom('certificate_authorities')
    .select('certificate_pem')
    .where('purpose', '=', 'server')
    .executeTakeFirstOrThrow();
  writeFileSync(file('server-ca.pem'), serverCa.certificate_pem);
}, 90_000);

/** A TLS 1.2 handshake with the listener offering only `ciphers`: the suite agreed, or the error. */
function handshake(ciphers: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port: httpsPort,
      servername: 'localhost',
      ca: readFileSync(file('server-ca.pem')),
      ciphers,
      maxVersion: 'TLSv1.2',
    });
    socket.once('secureConnect', () => {
      resolve(socket.getCipher().name);
      socket.end();
    });
    socket.once('error', (err) => resolve(`error: ${err.message}`));
  });
}

afterAll(async () => {
  nginx?.kill('SIGTERM');
  if (server?.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('mutual TLS on the HTTPS listener (curl)', () => {
  it('the server certificate is issued by the server CA for the configured names, not by the client CA', async () => {
    const res = await curl(jar(), `https://127.0.0.1:${httpsPort}/api/session`, tls());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ user: null });
    expect(server.output()).toContain(`Mutual TLS (client certificates): https://127.0.0.1:${httpsPort}`);
    const clientCa = await curl(jar(), `${server.url}/api/certificates/ca.pem`);
    expect(clientCa.status).toBe(200);
    writeFileSync(file('client-ca.pem'), clientCa.body);
    expect(clientCa.body).toContain('-----BEGIN CERTIFICATE-----');
    expect(clientCa.body).not.toBe(readFileSync(file('server-ca.pem'), 'utf8'));
    // Trusting only the client CA, the listener's chain does not verify (curl exit 60).
    const refused = await run('curl', [
      '-sS',
      '--cacert',
      file('client-ca.pem'),
      `https://127.0.0.1:${httpsPort}/api/session`,
    ]).then(
      () => 0,
      (err: { code: number }) => err.code,
    );
    expect(refused).toBe(60);
  });

  it('offers TLS 1.2 only with forward-secret AEAD suites (ECDHE), and TLS 1.3', async () => {
    expect(await handshake('ECDHE-RSA-AES128-GCM-SHA256')).toBe('ECDHE-RSA-AES128-GCM-SHA256');
    expect(await handshake('ECDHE-RSA-CHACHA20-POLY1305')).toBe('ECDHE-RSA-CHACHA20-POLY1305');
    for (const suite of [
      'AES128-GCM-SHA256',
      'AES256-GCM-SHA384',
      'ECDHE-RSA-AES128-SHA',
      'DHE-RSA-AES128-GCM-SHA256',
    ])
      expect(await handshake(suite)).toMatch(/^error: .*(handshake failure|no shared cipher|alert)/i);
    const tls13 = await run('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--tlsv1.3',
      ...tls(),
      `https://127.0.0.1:${httpsPort}/readyz`,
    ]);
    expect(tls13.stdout).toBe('200');
  });

  it('signs in with the PKCS#12 the portal issued and its one-time password', async () => {
    first = await issue('certificates');
    const res = await curl(jar(), `https://127.0.0.1:${httpsPort}/api/auth/login`, tls(first), loginBody);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'signed_in', user: { email: HOLDER } });
  });

  it('refuses the correct password without a certificate, over TLS and over plain HTTP', async () => {
    const overTls = await curl(jar(), `https://127.0.0.1:${httpsPort}/api/auth/login`, tls(), loginBody);
    expect(overTls.status).toBe(401);
    expect(JSON.parse(overTls.body).error.code).toBe('invalid_credentials');
    expect((await curl(jar(), `${server.url}/api/auth/login`, [], loginBody)).status).toBe(401);
  });

  it('refuses a certificate revoked by a reissue; the reissued one signs in', async () => {
    revokedByReissue = first;
    const second = await issue('certificates/reissue');
    const old = await curl(jar(), `https://127.0.0.1:${httpsPort}/api/auth/login`, tls(first), loginBody);
    expect(old.status).toBe(401);
    expect(JSON.parse(old.body).error.code).toBe('invalid_credentials');
    const fresh = await curl(jar(), `https://127.0.0.1:${httpsPort}/api/auth/login`, tls(second), loginBody);
    expect(fresh.status).toBe(200);
    first = second;
  });

  it('revoking the certificate ends the session it opened, over TLS and plain HTTP alike', async () => {
    const cert = await issue('certificates/reissue');
    const holder = jar();
    const signedIn = await curl(
      holder,
      `https://127.0.0.1:${httpsPort}/api/auth/login`,
      tls(cert),
      loginBody,
    );
    expect(signedIn.status).toBe(200);
    const who = async (base: string) =>
      JSON.parse((await curl(holder, `${base}/api/session`, base.startsWith('https') ? tls() : [])).body).user
        ?.email ?? null;
    expect(await who(`https://127.0.0.1:${httpsPort}`)).toBe(HOLDER);
    expect(await who(server.url)).toBe(HOLDER);
    const adminJar = 'admin-revoke.txt';
    expect(
      (await curl(adminJar, `${server.url}/api/auth/login`, [], { email: ADMIN, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect((await curl(adminJar, `${server.url}/api/certificates/${cert.id}/revoke`, [], {})).status).toBe(
      204,
    );
    expect(await who(`https://127.0.0.1:${httpsPort}`)).toBeNull();
    expect(await who(server.url)).toBeNull();
    first = await issue('certificates/reissue');
  });

  it('refuses a forged certificate header sent straight to the app from an untrusted address', async () => {
    const headers = Object.entries(proxyHeaders(first.pem)).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const res = await curl(jar(), `${server.url}/api/auth/login`, headers, loginBody);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('invalid_credentials');
  });
});

describe('behind nginx terminating TLS', () => {
  beforeAll(async () => {
    nginxPort = await freePort();
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      file('nginx.key'),
      '-out',
      file('nginx.pem'),
    ]);
    // What an operator fetches for nginx: the client CA and its CRL (README).
    const crl = await curl(jar(), `${server.url}/pki/client-ca.crl.pem`);
    expect(crl.status).toBe(200);
    writeFileSync(file('client-ca.crl.pem'), crl.body);
    chmodSync(dir, 0o755);
    const appPort = new URL(server.url).port;
    writeFileSync(
      file('nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${file('nginx.pid')};
error_log ${file('nginx-error.log')} info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${file('nginx-body')};
  proxy_temp_path ${file('nginx-proxy')};
  fastcgi_temp_path ${file('nginx-fastcgi')};
  uwsgi_temp_path ${file('nginx-uwsgi')};
  scgi_temp_path ${file('nginx-scgi')};
  server {
    listen 127.0.0.1:${nginxPort} ssl;
    ssl_certificate ${file('nginx.pem')};
    ssl_certificate_key ${file('nginx.key')};
    ssl_client_certificate ${file('client-ca.pem')};
    ssl_crl ${file('client-ca.crl.pem')};
    ssl_verify_client optional;
    location = /nginx-verify { return 200 "$ssl_client_verify"; }
    location / {
      proxy_pass http://127.0.0.1:${appPort};
      proxy_bind ${PROXY_ADDRESS};
      proxy_set_header Host $host;
      proxy_set_header X-Client-Cert $ssl_client_escaped_cert;
      proxy_set_header X-Client-Verify $ssl_client_verify;
    }
  }
}
`,
    );
    const bin = ['/usr/sbin/nginx', 'nginx'].find((b) => b === 'nginx' || existsSync(b))!;
    nginx = spawn(bin, ['-p', dir, '-c', file('nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    nginx.stderr?.on('data', (d) => {
      out += d;
    });
    for (let i = 0; i < 100; i++) {
      const up = await run('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '--cacert',
        file('nginx.pem'),
        `https://127.0.0.1:${nginxPort}/readyz`,
      ]).then(
        (r) => r.stdout === '200',
        () => false,
      );
      if (up) return;
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start: ${out}`);
  }, 30_000);

  const viaNginx = (cert?: { p12: string; password: string }) => [
    '--cacert',
    file('nginx.pem'),
    ...(cert ? ['--cert-type', 'P12', '--cert', `${cert.p12}:${cert.password}`] : []),
  ];

  it('nginx itself refuses a revoked certificate from the CRL it was given, and accepts a valid one', async () => {
    const url = `https://127.0.0.1:${nginxPort}/nginx-verify`;
    const revoked = await curl(jar(), url, viaNginx(revokedByReissue));
    expect(revoked.status).toBe(400);
    expect(revoked.body).toContain('The SSL certificate error');
    expect(readFileSync(file('nginx-error.log'), 'utf8')).toContain('certificate revoked');
    expect((await curl(jar(), url, viaNginx(first))).body).toBe('SUCCESS');
  });

  it('signs in with the certificate nginx verified and forwarded', async () => {
    const cert = await issue('certificates/reissue');
    const res = await curl(jar(), `https://127.0.0.1:${nginxPort}/api/auth/login`, viaNginx(cert), loginBody);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'signed_in' });
    const old = await curl(
      jar(),
      `https://127.0.0.1:${nginxPort}/api/auth/login`,
      viaNginx(first),
      loginBody,
    );
    expect(old.status).toBe(401);
    first = cert;
  });

  it('refuses a client without a certificate whose forged headers nginx replaces', async () => {
    const headers = Object.entries(proxyHeaders(first.pem)).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const res = await curl(
      jar(),
      `https://127.0.0.1:${nginxPort}/api/auth/login`,
      [...viaNginx(), ...headers],
      loginBody,
    );
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('invalid_credentials');
  });

  it('refuses the same forged header sent to the app directly, not through the proxy', async () => {
    const headers = Object.entries(proxyHeaders(first.pem)).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const res = await curl(jar(), `${server.url}/api/auth/login`, headers, loginBody);
    expect(res.status).toBe(401);
  });
});
