import dayjs, { type Dayjs } from 'dayjs';
import type { TenantSettings, TenantSettingsBody } from '../../../../common/tenant-settings.js';

/** A link as the form holds it: the publish date as a date-picker value. */
export type LinkValues = { name: string; url: string; description: string; publishedOn: Dayjs | null };

/** The tenant settings form: the saved fields plus the two "add" rows that are not sent. */
export type TenantSettingsValues = {
  utmApplicationEnabled: boolean;
  contractCheckExemptDays: number | null;
  referrerUrls: string[];
  links: LinkValues[];
  newReferrerUrl?: string;
  newLink?: Partial<LinkValues>;
};

export const emptyLink: LinkValues = { name: '', url: '', description: '', publishedOn: null };

/** `YYYY-MM-DD` of a date-picker value ('' when empty). */
export const dateText = (value: Dayjs | null | undefined): string =>
  value && dayjs.isDayjs(value) && value.isValid() ? value.format('YYYY-MM-DD') : '';

export function formValuesOf(settings: TenantSettings): TenantSettingsValues {
  return {
    utmApplicationEnabled: settings.utmApplicationEnabled,
    contractCheckExemptDays: settings.contractCheckExemptDays,
    referrerUrls: settings.referrerUrls,
    links: settings.links.map((link) => ({ ...link, publishedOn: dayjs(link.publishedOn) })),
    newReferrerUrl: '',
    newLink: emptyLink,
  };
}

/** A link row as the request carries it. */
export const linkBodyOf = (link: Partial<LinkValues> | undefined) => ({
  name: link?.name ?? '',
  url: link?.url ?? '',
  description: link?.description ?? '',
  publishedOn: dateText(link?.publishedOn),
});

/** The request body of the form's values (the "add" rows left out). */
export function bodyOf(values: Record<string, unknown>): TenantSettingsBody {
  const v = values as Partial<TenantSettingsValues>;
  return {
    utmApplicationEnabled: v.utmApplicationEnabled as boolean,
    contractCheckExemptDays: v.contractCheckExemptDays as number,
    referrerUrls: v.referrerUrls ?? [],
    links: (v.links ?? []).map(linkBodyOf),
  };
}
