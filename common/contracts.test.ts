import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timestamp, type Wire } from './contracts.js';

const modulesDir = path.resolve(import.meta.dirname, '../server/modules');

/** Every route file of the server: `routes.ts` and `<part>-routes.ts` in a module folder. */
function routeFiles(): string[] {
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(modulesDir, d.name))
        .filter((f) => f === 'routes.ts' || f.endsWith('-routes.ts'))
        .map((f) => `${d.name}/${f}`),
    );
}

/** The text of the `{ … }` that opens at `start`. */
function balanced(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start);
}

/** Names a file imports from common/. */
function commonImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(?:\.\.\/)+common\/[^']+'/g))
    for (const name of m[1]!.split(',')) names.add(name.replace(/^\s*type\s+/, '').trim());
  return names;
}

/**
 * What a route's `schema.response` may hold besides a contract: a documented file body (PEM, DER),
 * which is not JSON and has no contract.
 */
const fileBody = /^file\(/;

describe('response contracts', () => {
  it('every response of a route file is a schema imported from common/, none is written inline', () => {
    const offenders: string[] = [];
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(path.join(modulesDir, file), 'utf8');
      const imported = commonImports(source);
      for (const m of source.matchAll(/\bresponse:\s*/g)) {
        const at = m.index + m[0].length;
        if (fileBody.test(source.slice(at))) continue;
        if (source[at] !== '{') {
          offenders.push(`${file}: response is not a { status: schema } map`);
          continue;
        }
        const entries = balanced(source, at).slice(1, -1).split(',');
        for (const entry of entries.filter((e) => e.trim())) {
          const value = entry.split(':')[1]?.trim() ?? '';
          if (!/^\w+$/.test(value) || !imported.has(value)) offenders.push(`${file}: ${entry.trim()}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a timestamp is a Date in the handler and the same ISO string JSON.stringify writes', () => {
    const schema = z.object({ at: timestamp, none: timestamp.nullable() });
    const at = new Date('2025-04-01T09:30:00.123Z');
    const serialise = serializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' });
    expect(serialise({ at, none: null })).toBe(JSON.stringify({ at, none: null }));
    expect(serialise({ at, none: null })).toBe('{"at":"2025-04-01T09:30:00.123Z","none":null}');
    // The browser's type of the same answer.
    const wire: Wire<typeof schema> = JSON.parse(serialise({ at, none: null }));
    expect(typeof wire.at).toBe('string');
  });

  it('a handler that returns a string where a Date belongs fails instead of writing it', () => {
    const serialise = serializerCompiler({
      schema: z.object({ at: timestamp }),
      method: 'GET',
      url: '/test',
      httpStatus: '200',
    });
    expect(() => serialise({ at: '2025-04-01T09:30:00.123Z' })).toThrow();
  });
});
