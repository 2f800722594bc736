import { describe, expect, it } from 'vitest';
import { defaultTenantListParams, readTenantListParams, writeTenantListParams } from './tenantListParams.js';

describe('tenant list parameters in the address', () => {
  it('uses defaults for missing or bad values', () => {
    expect(readTenantListParams(new URLSearchParams())).toEqual(defaultTenantListParams);
    expect(readTenantListParams(new URLSearchParams('page=0&pageSize=1000&sort=evil&order=up'))).toEqual(
      defaultTenantListParams,
    );
  });

  it('round-trips non-default values and leaves defaults out', () => {
    const params = { page: 3, pageSize: 50, sort: 'name' as const, order: 'asc' as const, q: 'デモ' };
    const search = writeTenantListParams(params);
    expect(readTenantListParams(search)).toEqual(params);
    expect(writeTenantListParams(defaultTenantListParams).toString()).toBe('');
  });
});
