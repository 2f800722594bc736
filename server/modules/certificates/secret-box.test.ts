import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { open, resolveEncryptionKey, seal } from './secret-box.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mg-ca-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CA encryption key and sealed secrets', () => {
  it('seals with AES-256-GCM: the right key opens, a wrong key or a changed byte does not', () => {
    const key = Buffer.alloc(32, 1);
    const sealed = seal(key, Buffer.from('秘密の鍵'));
    expect(sealed).not.toContain('秘密');
    expect(open(key, sealed).toString()).toBe('秘密の鍵');
    expect(() => open(Buffer.alloc(32, 2), sealed)).toThrow();
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => open(key, raw.toString('base64'))).toThrow();
  });

  it('takes CA_ENCRYPTION_KEY when set', () => {
    const key = Buffer.alloc(32, 5);
    expect(resolveEncryptionKey(loadConfig({ CA_ENCRYPTION_KEY: key.toString('base64') }))).toEqual(key);
  });

  it('in demo mode generates a key once into DATA_DIR/ca-key (mode 0600) and keeps it', () => {
    const config = loadConfig({ DATA_DIR: dir });
    const first = resolveEncryptionKey(config);
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'ca-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toEqual(first);
    expect(resolveEncryptionKey(config)).toEqual(first);
  });

  it('with DATABASE_URL and no key: certificates are unavailable (no key is invented)', () => {
    expect(
      resolveEncryptionKey(loadConfig({ DATABASE_URL: 'postgres://x/y', DATA_DIR: dir })),
    ).toBeUndefined();
  });
});
