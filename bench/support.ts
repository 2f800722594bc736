/**
 * What the benchmarks share: the PostgreSQL they run against (embedded in .data/bench, or
 * BENCH_DATABASE_URL), a fresh bench database, realistic customers, a partner admin, and the real
 * application started on that database.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startEmbeddedPostgres } from '../server/db/embedded.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { createDb, type Db } from '../server/db/pool.js';
import {
  EMBEDDED_RUNTIME_PASSWORD,
  ensureRuntimeRole,
  grantRuntimeRole,
  RUNTIME_ROLE,
  urlAs,
} from '../server/db/runtime-role.js';
import type { AppDeps } from '../server/deps.js';
import { systemClock } from '../server/platform/clock.js';
import { startJobs } from '../server/platform/jobs.js';
import { hashPassword } from '../server/platform/passwords.js';
import { queuesFor } from '../server/runtime.js';

export const PASSWORD = 'Bench-Password-2026!';
export const log = pino({ level: 'warn' });

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

/**
 * The bench database `name` on the server (embedded or BENCH_DATABASE_URL), created anew unless
 * `reuse` and it exists; `existed` tells whether an earlier run's data is kept.
 */
export async function benchDatabase(
  name: string,
  { reuse = false } = {},
): Promise<{ url: string; existed: boolean; stop: () => Promise<void> }> {
  const { adminUrl, stop } = await server();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const found = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  const existed = reuse && found;
  if (!existed) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), existed, stop };
}

async function server(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL)
    return { adminUrl: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(path.resolve('.data/bench'), log);
  return { adminUrl: embedded.url, stop: embedded.stop };
}

/** A migrated pool on the bench database. */
export async function benchDb(url: string, poolSize = 20): Promise<{ db: Db; pool: pg.Pool }> {
  const created = createDb(url, log, poolSize);
  await migrateToLatest(created.db);
  return created;
}

/**
 * `n` customers of a tenant in two multi-row INSERT … SELECT generate_series. Legal form: 株式会社 before (35%) or
 * after (45%) the name, 有限会社 (10%), 合同会社 (10%).
 */
async function insertCustomers(trx: Db, tenantId: string, n: number): Promise<void> {
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

/** A partner admin (password PASSWORD) in every tenant given, at home in the first. */
async function insertPartnerAdmin(trx: Db, email: string, tenantIds: string[]): Promise<string> {
  const user = await trx
    .insertInto('users')
    .values({
      email,
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
  return user.id;
}

/**
 * Customers (`customers(i)` for the i-th tenant, random() seeded: the same names every run) and a
 * partner admin in all the tenants, in one transaction; `extra` runs in it too. Returns the admin's id.
 */
export async function seedTenants(
  db: Db,
  tenantIds: string[],
  customers: (index: number) => number,
  adminEmail: string,
  extra: (trx: Db, adminId: string) => Promise<void> = async () => {},
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT setseed(0.5)`.execute(trx);
    for (const [i, tenantId] of tenantIds.entries()) await insertCustomers(trx, tenantId, customers(i));
    const adminId = await insertPartnerAdmin(trx, adminEmail, tenantIds);
    await extra(trx, adminId);
    return adminId;
  });
}

/**
 * The real application on the bench database (pg-boss queues too), with `env` over the defaults.
 * As in production it runs as the runtime role under row-level security; `rowLevelSecurity:
 * false` runs it on the owner's connection `db` instead (superuser: no policy applies, no scope is
 * set), for the figures without it.
 */
export async function startBenchApp(
  url: string,
  db: Db,
  env: Record<string, string> = {},
  { rowLevelSecurity = true } = {},
): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const runtimeUrl = urlAs(url, RUNTIME_ROLE, EMBEDDED_RUNTIME_PASSWORD);
  const config = loadConfig({
    DATABASE_URL: rowLevelSecurity ? runtimeUrl : url,
    DATABASE_OWNER_URL: url,
    PUBLIC_URL: 'http://bench.test',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const jobs = await startJobs(url, queuesFor(config), log);
  let runtime: Db | undefined;
  if (rowLevelSecurity) {
    await ensureRuntimeRole(url, EMBEDDED_RUNTIME_PASSWORD);
    await grantRuntimeRole(db, RUNTIME_ROLE);
    runtime = createDb(runtimeUrl, log, 20, { rowScoped: true }).db;
  }
  const deps: AppDeps = { config, db: runtime ?? db, clock: systemClock, jobs, log };
  const app = await buildApp(deps, { webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await jobs.stop();
      await runtime?.destroy();
    },
  };
}
