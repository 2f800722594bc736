import type { MailTemplateBody } from '../../../common/mail-templates.js';
import {
  isMailTemplateKey,
  type MailTemplateKey,
  mailTemplateDefinitions,
  mailTemplateKeys,
  placeholderDescriptions,
} from '../../../common/mail-templates.js';
import { type Locale, locales } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import { notFound } from '../../platform/errors.js';
import { defaultTemplates, type TemplateText } from './defaults.js';

type Status = 'default' | 'custom';

export type StoredTemplate = TemplateText & { custom: boolean };

/** The tenant's text of `key` in `locale` (custom when the tenant saved one, else the default). */
export async function loadTemplate(
  db: Db,
  tenantId: string,
  key: MailTemplateKey,
  locale: Locale,
): Promise<StoredTemplate> {
  const row = await db
    .selectFrom('mail_templates')
    .select(['subject', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('template', '=', key)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return row ? { ...row, custom: true } : { ...defaultTemplates[key][locale], custom: false };
}

/** A path's template key, or 404 (an unknown key is an unknown object, like an unknown id). */
export function templateKeyOr404(value: string): MailTemplateKey {
  if (!isMailTemplateKey(value)) throw notFound();
  return value;
}

/** メールテンプレート一覧: the 12 templates with the Japanese subject and which languages are custom. */
export async function listTemplates(db: Db, tenantId: string, locale: Locale) {
  const rows = await db
    .selectFrom('mail_templates')
    .select(['template', 'locale', 'subject'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return mailTemplateKeys.map((key) => {
    const def = mailTemplateDefinitions[key];
    const own = (l: Locale) => rows.find((r) => r.template === key && r.locale === l);
    const localeStatus = Object.fromEntries(locales.map((l) => [l, own(l) ? 'custom' : 'default'])) as Record<
      Locale,
      Status
    >;
    return {
      key,
      name: def.name[locale],
      sms: def.sms,
      subject: def.sms ? null : (own('ja')?.subject ?? defaultTemplates[key].ja.subject),
      status: (Object.values(localeStatus).includes('custom') ? 'custom' : 'default') as Status,
      locales: localeStatus,
    };
  });
}

/** One template in one language, as the edit screen shows it (names in the caller's language). */
export async function templateDetail(
  db: Db,
  tenantId: string,
  key: MailTemplateKey,
  locale: Locale,
  uiLocale: Locale,
) {
  const def = mailTemplateDefinitions[key];
  const text = await loadTemplate(db, tenantId, key, locale);
  return {
    key,
    name: def.name[uiLocale],
    locale,
    sms: def.sms,
    subject: def.sms ? null : text.subject,
    body: text.body,
    status: (text.custom ? 'custom' : 'default') as Status,
    placeholders: def.placeholders.map((name) => ({
      name,
      description: placeholderDescriptions[name][uiLocale],
    })),
  };
}

/** The user's other partner tenants where they are an active admin: where templates may be copied. */
export async function copyTargets(db: Db, userId: string, currentTenantId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id as tenantId', 'o.code', 'o.name'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where('m.role', '=', 'admin')
    .where('o.kind', '=', 'partner')
    .where('o.id', '!=', currentTenantId)
    .orderBy('o.code')
    .execute();
}

/** Serialises the saves of the tenant's templates (the tenant's row, locked until the commit). */
export async function lockTenantTemplates(trx: Db, tenantId: string) {
  await trx.selectFrom('organizations').select('id').where('id', '=', tenantId).forNoKeyUpdate().execute();
}

/** Stores the tenant's own text of one template in one language (a new row, or the existing one changed). */
export async function upsertTemplate(
  trx: Db,
  tenantId: string,
  key: MailTemplateKey,
  locale: Locale,
  text: MailTemplateBody,
  by: { userId: string; now: Date },
) {
  await trx
    .insertInto('mail_templates')
    .values({
      tenant_id: tenantId,
      template: key,
      locale,
      subject: text.subject,
      body: text.body,
      updated_at: by.now,
      updated_by: by.userId,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'template', 'locale']).doUpdateSet({
        subject: text.subject,
        body: text.body,
        updated_at: by.now,
        updated_by: by.userId,
      }),
    )
    .execute();
}

/** Removes the tenant's own text of one template in one language; answers whether there was one. */
export async function deleteTemplate(trx: Db, tenantId: string, key: MailTemplateKey, locale: Locale) {
  const removed = await trx
    .deleteFrom('mail_templates')
    .where('tenant_id', '=', tenantId)
    .where('template', '=', key)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return removed.numDeletedRows > 0n;
}

/** The tenant's own texts of the given templates (every language saved). */
export async function ownTemplates(trx: Db, tenantId: string, keys: readonly MailTemplateKey[]) {
  return trx
    .selectFrom('mail_templates')
    .select(['template', 'locale', 'subject', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('template', 'in', keys)
    .execute();
}

/**
 * Makes the given templates of the tenant exactly `rows` (its own texts of them go, then `rows`
 * are stored; a template without a row is the default again).
 */
export async function replaceTemplates(
  trx: Db,
  tenantId: string,
  keys: readonly MailTemplateKey[],
  rows: Awaited<ReturnType<typeof ownTemplates>>,
  by: { userId: string; now: Date },
) {
  await trx
    .deleteFrom('mail_templates')
    .where('tenant_id', '=', tenantId)
    .where('template', 'in', keys)
    .execute();
  if (rows.length > 0) {
    await trx
      .insertInto('mail_templates')
      .values(rows.map((r) => ({ ...r, tenant_id: tenantId, updated_at: by.now, updated_by: by.userId })))
      .execute();
  }
}
