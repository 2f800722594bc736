import { sql, type Updateable } from 'kysely';
import {
  type ApplicationField,
  type TenantLink,
  tenantSettingsLimits,
} from '../../../common/tenant-settings.js';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

export type TenantSettingsView = {
  utmApplicationEnabled: boolean;
  contractCheckExemptDays: number;
  referrerUrls: string[];
  links: TenantLink[];
  applicationFields: ApplicationField[];
};

/** The tenant's settings row, or the defaults when it has none (no row = defaults). */
export async function settingsRow(db: Db, tenantId: string) {
  const row = await db
    .selectFrom('tenant_settings')
    .select(['utm_application_enabled', 'contract_check_exempt_days', 'manuals_url', 'support_contact_email'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row ?? {
      utm_application_enabled: false,
      contract_check_exempt_days: tenantSettingsLimits.exemptDaysDefault,
      manuals_url: null,
      support_contact_email: null,
    }
  );
}

/** サービス利用申請情報 追加項目 of a tenant, in display order. */
export async function applicationFields(db: Db, tenantId: string): Promise<ApplicationField[]> {
  return db
    .selectFrom('tenant_application_fields')
    .select(['name', 'required', 'type', 'options'])
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .execute();
}

/** GET /api/partner/tenant-settings: the row (or defaults) and its three lists. */
export async function tenantSettingsView(db: Db, tenantId: string): Promise<TenantSettingsView> {
  const [row, referrers, links, fields] = await Promise.all([
    settingsRow(db, tenantId),
    db
      .selectFrom('tenant_referrer_urls')
      .select('url')
      .where('tenant_id', '=', tenantId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('tenant_links')
      .select([
        'name',
        'url',
        'description',
        sql<string>`to_char(published_on, 'YYYY-MM-DD')`.as('publishedOn'),
      ])
      .where('tenant_id', '=', tenantId)
      .orderBy('position')
      .execute(),
    applicationFields(db, tenantId),
  ]);
  return {
    utmApplicationEnabled: row.utm_application_enabled,
    contractCheckExemptDays: row.contract_check_exempt_days,
    referrerUrls: referrers.map((r) => r.url),
    links,
    applicationFields: fields,
  };
}

/** The operator's view of a tenant's settings (OP-1): additional fields and the support page. */
export async function operatorSettingsView(db: Db, tenantId: string) {
  const [row, fields] = await Promise.all([settingsRow(db, tenantId), applicationFields(db, tenantId)]);
  return { applicationFields: fields, manualsUrl: row.manuals_url, contactEmail: row.support_contact_email };
}

/**
 * Makes sure the tenant has a settings row and locks it: every write to a tenant's settings and
 * lists starts here, so two saves of the same tenant run one after the other.
 */
export async function lockSettings(trx: Db, tenantId: string, now: Date): Promise<void> {
  await trx
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  await trx
    .selectFrom('tenant_settings')
    .select('tenant_id')
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .execute();
}

/** Replaces the tenant's サービス利用申請情報 追加項目 with `fields`, in that order. */
export async function replaceApplicationFields(
  trx: Db,
  tenantId: string,
  fields: readonly ApplicationField[],
) {
  await trx.deleteFrom('tenant_application_fields').where('tenant_id', '=', tenantId).execute();
  if (fields.length > 0)
    await trx
      .insertInto('tenant_application_fields')
      .values(
        fields.map((f, position) => ({
          tenant_id: tenantId,
          position,
          name: f.name,
          required: f.required,
          type: f.type,
          options: f.type === 'select' ? f.options : [],
        })),
      )
      .execute();
}

/** Changes the columns of the tenant's settings row (locked by `lockSettings` first). */
export async function updateSettings(
  trx: Db,
  tenantId: string,
  changes: Omit<Updateable<Database['tenant_settings']>, 'tenant_id'>,
) {
  await trx.updateTable('tenant_settings').set(changes).where('tenant_id', '=', tenantId).execute();
}

/** Replaces the tenant's referrer URLs with `urls`, in that order. */
export async function replaceReferrerUrls(trx: Db, tenantId: string, urls: readonly string[]) {
  await trx.deleteFrom('tenant_referrer_urls').where('tenant_id', '=', tenantId).execute();
  if (urls.length > 0)
    await trx
      .insertInto('tenant_referrer_urls')
      .values(urls.map((url, position) => ({ tenant_id: tenantId, position, url })))
      .execute();
}

/** Replaces the tenant's links with `links`, in that order. */
export async function replaceLinks(trx: Db, tenantId: string, links: readonly TenantLink[]) {
  await trx.deleteFrom('tenant_links').where('tenant_id', '=', tenantId).execute();
  if (links.length > 0)
    await trx
      .insertInto('tenant_links')
      .values(
        links.map((l, position) => ({
          tenant_id: tenantId,
          position,
          name: l.name,
          url: l.url,
          description: l.description,
          published_on: l.publishedOn,
        })),
      )
      .execute();
}
