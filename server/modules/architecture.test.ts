import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape every module keeps: HTTP in `routes.ts`, SQL in repositories (`repository.ts`,
 * `*-repository.ts`). Neither a route file nor a use case builds a query: a file with SQL outside
 * a repository fails here.
 */
const modulesDir = path.resolve(import.meta.dirname);

/** Module files (not tests) that still hold SQL outside a repository: none left; it stays empty. */
const sqlOutsideRepositories: string[] = [];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
const relative = (file: string) => path.relative(modulesDir, file).split(path.sep).join('/');
const isRepository = (file: string) => file.endsWith('repository.ts');
/** A Kysely query, or raw SQL, built in the file. */
const buildsSql = (source: string) =>
  /\.(selectFrom|updateTable|insertInto|deleteFrom|selectNoFrom)\(|\bsql[<`]/.test(source);

describe('the shape of the modules', () => {
  const files = sourceFiles(modulesDir).map((file) => ({
    file: relative(file),
    source: readFileSync(file, 'utf8'),
  }));

  it('has modules to check', () => {
    expect(files.filter((f) => f.file.endsWith('/routes.ts')).length).toBeGreaterThan(15);
  });

  it('route files hold no SQL and import neither Kysely nor the database pool', () => {
    const offending = files
      .filter(({ file }) => file.endsWith('routes.ts'))
      .filter(({ source }) => buildsSql(source) || /from 'kysely'|db\/pool\.js'/.test(source))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });

  it('SQL outside repositories is only where it already was (move it to a repository, then off the list)', () => {
    const outside = files
      .filter(({ file, source }) => !isRepository(file) && buildsSql(source))
      .map(({ file }) => file)
      .sort();
    expect(outside).toEqual([...sqlOutsideRepositories].sort());
  });
});
