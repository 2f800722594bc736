import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

/** A built web app as `vite build` leaves it: hashed assets with .br/.gz siblings, small files without. */
function fakeWebBuild(): { root: string; indexHtml: Buffer; script: Buffer; style: Buffer } {
  const root = mkdtempSync(path.join(tmpdir(), 'mg-web-'));
  mkdirSync(path.join(root, 'assets'));
  const indexHtml = Buffer.from(
    `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head>` +
      `<body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`,
  );
  const script = Buffer.from(
    `export const pages = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `page ${i}`))};`,
  );
  const style = Buffer.from('body{margin:0}');
  const files: [string, Buffer, boolean][] = [
    ['index.html', indexHtml, true],
    ['assets/index-AbC123.js', script, true],
    ['assets/index-XyZ789.css', style, false],
  ];
  for (const [name, body, compressed] of files) {
    const file = path.join(root, name);
    writeFileSync(file, body);
    if (!compressed) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(body));
    writeFileSync(`${file}.gz`, gzipSync(body));
  }
  return { root, indexHtml, script, style };
}

describe('web delivery: precompressed assets and cache rules', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const web = fakeWebBuild();
  beforeAll(async () => {
    t = await startTestApp();
    app = await buildApp(t.deps, { webRoot: web.root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(web.root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const immutable = 'public, max-age=31536000, immutable';

  it('sends the brotli file to a browser that accepts br, with Vary', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(immutable);
    expect(brotliDecompressSync(res.rawPayload).equals(web.script)).toBe(true);
  });

  it('sends the gzip file when only gzip is accepted', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe(immutable);
    expect(gunzipSync(res.rawPayload).equals(web.script)).toBe(true);
  });

  it('sends the file itself without Accept-Encoding, or when no compressed sibling exists', async () => {
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['cache-control']).toBe(immutable);
    expect(plain.rawPayload.equals(web.script)).toBe(true);

    const small = await get('/assets/index-XyZ789.css', { 'accept-encoding': 'br, gzip' });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe(immutable);
    expect(small.rawPayload.equals(web.style)).toBe(true);
  });

  it('does not serve the compressed files under their own names', async () => {
    expect((await get('/assets/index-AbC123.js.br')).statusCode).toBe(404);
    expect((await get('/assets/index-AbC123.js.gz')).statusCode).toBe(404);
  });

  it('index.html and every SPA path are revalidated (no-cache), compressed too', async () => {
    const index = await get('/index.html', { 'accept-encoding': 'br' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(index.rawPayload).equals(web.indexHtml)).toBe(true);

    for (const url of ['/', '/partner/customers', '/login?returnTo=%2Fpartner']) {
      const page = await get(url, { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip' });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(page.rawPayload).equals(web.indexHtml), url).toBe(true);
    }
    const identity = await get('/partner/customers', { accept: 'text/html' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['cache-control']).toBe('no-cache');
    expect(identity.rawPayload.equals(web.indexHtml)).toBe(true);
  });

  it('API answers keep their own rules', async () => {
    const res = await get('/api/nothing-here', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
