import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPageScripts, measureFirstPage } from './check-bundle.js';

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
<link rel="icon" href="data:," />
</head><body><script>var notCounted = 1;</script></body></html>`;

describe('the first-page bundle check', () => {
  it('counts the module entry and its modulepreloads, not styles or inline scripts', () => {
    expect(firstPageScripts(html)).toEqual(['/assets/index-A1.js', '/assets/vendor-B2.js']);
  });

  it('gzips each file the first page loads', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mg-bundle-'));
    try {
      mkdirSync(path.join(root, 'assets'));
      writeFileSync(path.join(root, 'index.html'), html);
      writeFileSync(path.join(root, 'assets/index-A1.js'), 'console.log(1);'.repeat(1000));
      writeFileSync(path.join(root, 'assets/vendor-B2.js'), 'export {};');
      const files = measureFirstPage(root);
      expect(files.map((f) => f.file)).toEqual(['/assets/index-A1.js', '/assets/vendor-B2.js']);
      expect(files[0]!.bytes).toBe(15_000);
      expect(files[0]!.gzipBytes).toBeLessThan(200);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
