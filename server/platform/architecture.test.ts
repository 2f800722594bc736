import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The platform holds no business rules: nothing under server/platform (tests aside) imports from
 * server/modules. Modules hand the platform what it needs (their mail texts to `queueMail()`, …).
 */
const platformDir = path.resolve(import.meta.dirname);
const modulesDir = path.resolve(platformDir, '../modules');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

/** Every module specifier of a file: static and dynamic imports and re-exports. */
const specifiers = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);

describe('the platform', () => {
  const files = sourceFiles(platformDir);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from server/modules', () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(path.dirname(file), spec))
        .filter((target) => target === modulesDir || target.startsWith(modulesDir + path.sep))
        .map((target) => `${path.relative(platformDir, file)} → ${path.relative(modulesDir, target)}`),
    );
    expect(offending).toEqual([]);
  });
});
