import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/pool.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bootstrapCertificateAuthority, certificateAuthority } from './authority.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the portal CA', () => {
  it('is created once (RSA 2048, 10 years, CN=Madoguchi Client CA) and loaded from then on', async () => {
    const ca = await bootstrapCertificateAuthority(t.deps);
    expect(ca!.certificate.subject).toBe('CN=Madoguchi Client CA');
    expect((ca!.certificate.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    const years =
      (ca!.certificate.notAfter.getTime() - ca!.certificate.notBefore.getTime()) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(10);
    expect((await certificateAuthority(t.deps)).pem).toBe(ca!.pem);
    const rows = await t.db.selectFrom('certificate_authorities').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.encrypted_key).not.toContain('PRIVATE KEY');
  });

  it('a process with another CA_ENCRYPTION_KEY refuses to start with a clear message', async () => {
    const url = t.deps.config.databaseUrl!;
    const { db } = createDb(url, pino({ level: 'silent' }));
    try {
      const config = loadConfig({
        DATABASE_URL: url,
        CA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      });
      await expect(certificateAuthority({ ...t.deps, db, config })).rejects.toThrow(
        /CA_ENCRYPTION_KEY is not the key it was stored with/,
      );
    } finally {
      await db.destroy();
    }
  });

  it('without a key the start goes on and certificate routes answer 409', async () => {
    const url = t.deps.config.databaseUrl!;
    const { db } = createDb(url, pino({ level: 'silent' }));
    try {
      const deps = { ...t.deps, db, config: loadConfig({ DATABASE_URL: url }) };
      expect(await bootstrapCertificateAuthority(deps)).toBeUndefined();
      await expect(certificateAuthority(deps)).rejects.toMatchObject({
        status: 409,
        code: 'certificates_unavailable',
      });
    } finally {
      await db.destroy();
    }
  });
});
