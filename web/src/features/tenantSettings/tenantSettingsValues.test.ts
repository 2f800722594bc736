import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { type TenantSettings, tenantSettingsBody } from '../../../../common/tenant-settings.js';
import { bodyOf, dateText, formValuesOf } from './tenantSettingsValues.js';

const settings: TenantSettings = {
  utmApplicationEnabled: true,
  contractCheckExemptDays: 20,
  referrerUrls: ['https://www.example.co.jp/'],
  links: [
    { name: 'ガイド', url: 'https://guide.example.com/a', description: '説明', publishedOn: '2026-04-01' },
  ],
  applicationFields: [{ name: '部署', required: true, type: 'text', options: [] }],
};

describe('tenant settings form values', () => {
  it('round-trips the saved settings through the form (dates as date-picker values)', () => {
    const values = formValuesOf(settings);
    expect(dayjs.isDayjs(values.links[0]!.publishedOn)).toBe(true);
    const { applicationFields: _readOnly, ...saved } = settings;
    expect(bodyOf(values)).toEqual(saved);
    expect(tenantSettingsBody.safeParse(bodyOf(values)).success).toBe(true);
  });

  it('leaves the add rows out of the request', () => {
    const body = bodyOf({
      ...formValuesOf(settings),
      newReferrerUrl: 'https://other.example/',
      newLink: { name: 'x', url: 'https://x.example/', description: 'y', publishedOn: dayjs('2026-05-01') },
    });
    expect(Object.keys(body).sort()).toEqual([
      'contractCheckExemptDays',
      'links',
      'referrerUrls',
      'utmApplicationEnabled',
    ]);
    expect(body.referrerUrls).toEqual(['https://www.example.co.jp/']);
  });

  it('sends an empty date as "" so the shared schema reports it as required', () => {
    expect(dateText(null)).toBe('');
    expect(dateText(dayjs('2026-12-31'))).toBe('2026-12-31');
    const body = bodyOf({
      ...formValuesOf(settings),
      links: [{ name: 'a', url: 'https://a.example/', description: 'b', publishedOn: null }],
    });
    const result = tenantSettingsBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['links', 0, 'publishedOn']);
  });
});
