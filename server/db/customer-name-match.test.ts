import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { makeCustomer, makeTenant } from '../test/factories.js';
import { customerNameMatch } from './customer-name-match.js';
import { withRowScope } from './row-scope.js';

/** A partner's scope over `tenantIds` (no user, no platform rows). */
const inTenants = <T>(tenantIds: string[], fn: () => Promise<T>) =>
  withRowScope(
    { kind: 'tenants', tenantIds, customerOrganizationId: null, platformRows: false, userId: null },
    fn,
  );

/**
 * 会社名 partial match through `customer_name_grams` (migration 0013), as the runtime role under
 * row-level security: exact results for 1, 2 and longer terms, kept current by the triggers, and
 * a plan that the grams' primary key drives despite the policies.
 */
let d: TestDatabase;
let tenantA: string;
let tenantB: string;

const names = async (
  tenantIds: string[],
  term: string,
  tenantMatch = sql`= ANY(${sql.val(tenantIds)}::bigint[])`,
) =>
  inTenants(tenantIds, async () =>
    (
      await sql<{ name: string }>`SELECT o.name FROM organizations o
        WHERE o.kind = 'customer' AND ${customerNameMatch(tenantMatch, term)} ORDER BY o.name`.execute(
        d.runtimeDb,
      )
    ).rows.map((r) => r.name),
  );

beforeAll(async () => {
  d = await createTestDatabase();
  tenantA = (await makeTenant(d.db, 'テナントA')).id;
  tenantB = (await makeTenant(d.db, 'テナントB')).id;
  for (const name of ['日本電機株式会社', '東京建設株式会社', '東京電機工業', 'ACME Japan', '光']) {
    await makeCustomer(d.db, tenantA, name);
  }
  await makeCustomer(d.db, tenantB, '大阪電機株式会社');
});
afterAll(async () => d?.drop());

describe('customerNameMatch', () => {
  it('finds one character, two characters and longer terms exactly, ignoring ASCII case', async () => {
    expect(await names([tenantA], '光')).toEqual(['光']);
    expect(await names([tenantA], '電機')).toEqual(['日本電機株式会社', '東京電機工業']);
    expect(await names([tenantA], '東京建設')).toEqual(['東京建設株式会社']);
    // All of 東京電機's bigrams are in 東京電機工業 only; 東京建設 has 東京 but not 京電.
    expect(await names([tenantA], '東京電機')).toEqual(['東京電機工業']);
    expect(await names([tenantA], 'acme')).toEqual(['ACME Japan']);
    expect(await names([tenantA], 'me ja')).toEqual(['ACME Japan']);
    // Every bigram present but not in that order: ILIKE rules it out.
    expect(await names([tenantA], '電機電')).toEqual([]);
    expect(await names([tenantA], '%')).toEqual([]);
  });

  it("sees only the scope's tenants, whatever the tenants asked for", async () => {
    expect(await names([tenantA, tenantB], '電機')).toEqual([
      '大阪電機株式会社',
      '日本電機株式会社',
      '東京電機工業',
    ]);
    expect(await names([tenantB], '電機')).toEqual(['大阪電機株式会社']);
    // Asking for tenant A from tenant B's scope: the policies of both tables leave nothing.
    expect(await names([tenantB], '日本', sql`= ${tenantA}`)).toEqual([]);
  });

  it('follows renames, moves and deletions (the triggers on organizations)', async () => {
    const renamed = await makeCustomer(d.db, tenantA, '旧名商事');
    expect(await names([tenantA], '旧名')).toEqual(['旧名商事']);
    await d.db.updateTable('organizations').set({ name: '新名商事' }).where('id', '=', renamed.id).execute();
    expect(await names([tenantA], '旧名')).toEqual([]);
    expect(await names([tenantA], '新名商')).toEqual(['新名商事']);
    // An update of another column keeps the grams.
    await d.db.updateTable('organizations').set({ trial: true }).where('id', '=', renamed.id).execute();
    expect(await names([tenantA], '新名')).toEqual(['新名商事']);
    // Moved to another tenant: found there, no longer here.
    await d.db
      .updateTable('organizations')
      .set({ tenant_id: tenantB })
      .where('id', '=', renamed.id)
      .execute();
    expect(await names([tenantA], '新名')).toEqual([]);
    expect(await names([tenantB], '新名')).toEqual(['新名商事']);
    await d.db.deleteFrom('customers').where('id', '=', renamed.id).execute();
    await d.db.deleteFrom('organizations').where('id', '=', renamed.id).execute();
    expect(await names([tenantA], '新名')).toEqual([]);
    const { count } = (
      await sql<{
        count: string;
      }>`SELECT count(*) FROM customer_name_grams WHERE organization_id = ${renamed.id}`.execute(d.db)
    ).rows[0]!;
    expect(count).toBe('0');
  });

  it('is driven by the primary key of the grams under the policies (not a filter over every name)', async () => {
    const plan = await inTenants([tenantA], () =>
      d.runtimeDb.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT o.id FROM organizations o
          WHERE o.kind = 'customer' AND ${customerNameMatch(sql`= ${tenantA}`, '東京建設')}`.execute(trx);
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      }),
    );
    expect(plan).toMatch(
      /Index (Only )?Scan using customer_name_grams_pkey on customer_name_grams g .*\n\s*Index Cond: \(\(tenant_id = .*\) AND \(gram = ANY/,
    );
  });
});
