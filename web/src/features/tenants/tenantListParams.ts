import type { TenantListParams, TenantSort } from '../../api/operatorTenants.js';
import { oneOf, positiveInt, writeListParams } from '../../components/table/listParams.js';

const sorts: readonly TenantSort[] = ['code', 'name', 'createdAt'];
export const defaultTenantListParams: TenantListParams = {
  page: 1,
  pageSize: 20,
  sort: 'createdAt',
  order: 'desc',
  q: '',
};

/** The tenant list's state lives in the address (?page=2&sort=name&order=asc&q=デモ). */
export function readTenantListParams(search: URLSearchParams): TenantListParams {
  return {
    page: positiveInt(search.get('page'), defaultTenantListParams.page, 100000),
    pageSize: positiveInt(search.get('pageSize'), defaultTenantListParams.pageSize, 100),
    sort: oneOf(search.get('sort'), sorts, defaultTenantListParams.sort),
    order: oneOf(search.get('order'), ['asc', 'desc'], defaultTenantListParams.order),
    q: (search.get('q') ?? '').slice(0, 100),
  };
}

export function writeTenantListParams(params: TenantListParams): URLSearchParams {
  return writeListParams(params, defaultTenantListParams);
}
