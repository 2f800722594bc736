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
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startEmbeddedPostgres } from '../server/db/embedded.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { createDb, type Db } from '../server/db/pool.js';
import type { AppDeps } from '../server/deps.js';
import { createTenant } from '../server/modules/tenants/create-tenant.js';
import { systemClock } from '../server/platform/clock.js';
import { startJobs } from '../server/platform/jobs.js';
import { hashPassword } from '../server/platform/passwords.js';
import { queuesFor } from '../server/runtime.js';
import { TestClient } from '../server/test/http-client.js';

const BIG = 100_000;
const SMALL_TENANTS = 10;
const SMALL = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 20;
/** A case stops early (after at least 10 measured requests) once it has run this long. */
const CASE_BUDGET_MS = 60_000;
const TARGET_MS = 50;
const PASSWORD = 'Bench-Password-2026!';
const log = pino({ level: 'warn' });

/** Parts of realistic Japanese company names: place / family name + trade + legal form. */
const heads = (
  '東京 大阪 名古屋 横浜 札幌 福岡 広島 仙台 神戸 京都 北海 九州 関東 関西 中部 東北 四国 日本 中央 三和 ' +
  '富士 大和 朝日 日の出 太平洋 山田 佐藤 鈴木 高橋 田中 渡辺 伊藤 中村 小林 加藤 吉田 山本 松本 井上 木村 ' +
  '青葉 若葉 光 新星 未来 総合 第一 丸山 森田 池田 岡田 長谷川 石川 前田 藤田 後藤 近藤 村上 遠藤 清水'
).split(' ');
const trades = (
  '建設 工業 商事 物産 電機 運輸 食品 製作所 不動産 印刷 システム ソフトウェア 技研 設計 産業 医療 薬品 化学 精機 ' +
  '興業 電子 通信 物流 工務店 住宅 自動車 機械 鉄工 繊維 製菓 酒造 水産 農産 エンジニアリング コンサルティング ' +
  'サービス 開発 情報 電設 塗装'
).split(' ');

type Stats = { label: string; rows: number; runs: number; median: number; p95: number };

async function main() {
  const { adminUrl, stop } = await database();
  const benchUrl = withDatabase(adminUrl, 'madoguchi_bench');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = 'madoguchi_bench'")).rowCount;
  const reuse = process.env.BENCH_REUSE === '1' && exists === 1;
  if (!reuse) {
    await admin.query('DROP DATABASE IF EXISTS madoguchi_bench');
    await admin.query('CREATE DATABASE madoguchi_bench');
  }
  await admin.end();

  const { db } = createDb(benchUrl, log, 20);
  await migrateToLatest(db);
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

  const config = loadConfig({ DATABASE_URL: benchUrl, PUBLIC_URL: 'http://bench.test', LOG_LEVEL: 'silent' });
  const jobs = await startJobs(benchUrl, queuesFor(config), log);
  const deps: AppDeps = { config, db, clock: systemClock, jobs, log };
  const app = await buildApp(deps, { webRoot: '/nonexistent' });
  await app.ready();

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

  await app.close();
  await jobs.stop();
  await db.destroy();
  await stop();
  process.exitCode = failed.length === 0 ? 0 : 1;
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
  await db.transaction().execute(async (trx) => {
    await sql`SELECT setseed(0.5)`.execute(trx);
    for (const [i, tenantId] of tenantIds.entries()) {
      const n = i === 0 ? BIG : SMALL;
      // Legal form: 株式会社 before (35%) or after (45%) the name, 有限会社 (10%), 合同会社 (10%).
      await sql`
        INSERT INTO organizations (kind, code, name, tenant_id, created_at)
        SELECT 'customer', 'A' || lpad(nextval('customer_code_seq')::text, 8, '0'),
               CASE WHEN f < 0.35 THEN '株式会社' || h || t
                    WHEN f < 0.80 THEN h || t || '株式会社'
                    WHEN f < 0.90 THEN h || t || '有限会社'
                    ELSE h || t || '合同会社' END,
               ${tenantId}, now() - (g || ' minutes')::interval
        FROM (
          SELECT g, random() AS f,
                 (${sql.val(heads)}::text[])[1 + floor(random() * ${heads.length})::int] AS h,
                 (${sql.val(trades)}::text[])[1 + floor(random() * ${trades.length})::int] AS t
          FROM generate_series(1, ${n}) AS g
        ) s`.execute(trx);
      await sql`
        INSERT INTO customers (id, tenant_id, status, contact_family_name, contact_given_name, email,
                               postal_code, prefecture, address, phone, balance, last_billed_on,
                               created_at, updated_at)
        SELECT o.id, o.tenant_id,
               (ARRAY['active', 'active', 'active', 'draft', 'cancelled'])[1 + (o.id % 5)::int],
               '担当', '太郎', 'contact' || o.id || '@example.jp', '733-0001', '広島県', '広島市西区大芝1-2-3',
               '0' || (820000000 + o.id)::text,
               CASE WHEN random() < 0.6 THEN 0 ELSE floor(random() * 500000)::bigint END,
               CASE WHEN random() < 0.3 THEN NULL ELSE date '2026-01-31' + (floor(random() * 10)::int * 30) END,
               o.created_at, o.created_at
        FROM organizations o
        WHERE o.tenant_id = ${tenantId} AND o.kind = 'customer'`.execute(trx);
    }
    const user = await trx
      .insertInto('users')
      .values({
        email: 'bench@example.jp',
        name: 'ベンチ 太郎',
        password_hash: await hashPassword(PASSWORD),
        home_organization_id: tenantIds[0],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values(
        tenantIds.map((id) => ({
          user_id: user.id,
          organization_id: id,
          tenant_id: id,
          role: 'admin' as const,
        })),
      )
      .execute();
  });
  await sql`VACUUM ANALYZE`.execute(db);
  return tenantIds;
}

async function database(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL)
    return { adminUrl: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(path.resolve('.data/bench'), log);
  return { adminUrl: embedded.url, stop: embedded.stop };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

await main();
