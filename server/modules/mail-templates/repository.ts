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
import { defaultTemplates } from './defaults.js';
import { loadTemplate } from './engine.js';

type Status = 'default' | 'custom';

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
