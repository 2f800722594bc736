import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The first page's JavaScript (entry script + its modulepreloads) must stay under this, gzipped. */
export const firstPageLimitBytes = 400_000;

export type FirstPageFile = { file: string; bytes: number; gzipBytes: number };

/** The module scripts and modulepreloads that index.html makes the browser fetch before any page shows. */
export function firstPageScripts(indexHtml: string): string[] {
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/gi) ?? [];
  const files: string[] = [];
  for (const tag of tags) {
    const isModule = /^<script\b/i.test(tag) && /\btype=["']?module["']?/i.test(tag);
    const isPreload = /^<link\b/i.test(tag) && /\brel=["']?modulepreload["']?/i.test(tag);
    const url = tag.match(/\b(?:src|href)=["']?([^"'\s>]+)/i)?.[1];
    if ((isModule || isPreload) && url && !files.includes(url)) files.push(url);
  }
  return files;
}

/** Reads webRoot/index.html and gzips (level 9, as served) every script the first page loads. */
export function measureFirstPage(webRoot: string): FirstPageFile[] {
  const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  return firstPageScripts(html).map((url) => {
    const body = readFileSync(path.join(webRoot, url.replace(/^\//, '')));
    return { file: url, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function main() {
  const webRoot = path.resolve(process.argv[2] ?? 'dist/web');
  const files = measureFirstPage(webRoot);
  for (const f of files)
    console.log(`  ${f.file.padEnd(48)} ${kB(f.bytes).padStart(10)}  gzip ${kB(f.gzipBytes)}`);
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const verdict = total <= firstPageLimitBytes ? 'ok' : 'TOO LARGE';
  console.log(`first page JavaScript: ${kB(total)} gzip (target < ${kB(firstPageLimitBytes)}): ${verdict}`);
  if (files.length === 0 || total > firstPageLimitBytes) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
