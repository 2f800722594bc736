import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PostalAddress } from '../../../common/customers.js';
import { normalizePostalCode } from '../../../common/customers.js';

/**
 * 郵便番号 → 都道府県 + 住所 (CU-2 auto-fill) from Japan Post's data as bundled by the npm package
 * `jquery-jpostal-ja` (residential and business codes, one JSONP file per 3-digit prefix:
 * `["_7330001", "広島県", "広島市西区", "大芝", street, office, kana…]`). No network: the files
 * are read lazily per prefix and the most recently used prefixes are kept in memory.
 */
const dataDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('jquery-jpostal-ja/package.json')),
  'json',
);
const MAX_CACHED_PREFIXES = 200;
const cache = new Map<string, Promise<Map<string, PostalAddress>>>();

type Row = [string, string, string, string, string, ...string[]];

async function loadPrefix(prefix: string): Promise<Map<string, PostalAddress>> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, `${prefix}.json`), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const rows = JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'))) as Row[];
  const byCode = new Map<string, { prefecture: string; addresses: string[] }>();
  for (const [key, prefecture, city, town, street] of rows) {
    const code = key.replace(/^_/, '');
    const entry = byCode.get(code) ?? { prefecture, addresses: [] };
    entry.addresses.push(`${city}${town}${street}`);
    byCode.set(code, entry);
  }
  const result = new Map<string, PostalAddress>();
  for (const [code, { prefecture, addresses }] of byCode) {
    // One code may cover several towns: fill in what they share (at least the city, usually).
    result.set(code, {
      postalCode: `${code.slice(0, 3)}-${code.slice(3)}`,
      prefecture,
      address: commonPrefix(addresses),
    });
  }
  return result;
}

function commonPrefix(values: string[]): string {
  let prefix = [...values[0]!];
  for (const v of values.slice(1)) {
    const chars = [...v];
    let i = 0;
    while (i < prefix.length && prefix[i] === chars[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('');
}

/** The prefecture and address of a postal code (`7330001` or `733-0001`), or null when unknown. */
export async function lookupPostalCode(input: string): Promise<PostalAddress | null> {
  const normalized = normalizePostalCode(input);
  if (!normalized) return null;
  const prefix = normalized.slice(0, 3);
  let entries = cache.get(prefix);
  if (entries) {
    cache.delete(prefix);
  } else {
    entries = loadPrefix(prefix);
    entries.catch(() => cache.delete(prefix));
  }
  cache.set(prefix, entries);
  if (cache.size > MAX_CACHED_PREFIXES) cache.delete(cache.keys().next().value!);
  return (await entries).get(normalized.replace('-', '')) ?? null;
}
