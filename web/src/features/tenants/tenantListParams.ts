import type { TenantListParams, TenantSort } from '../../api/operatorTenants.js';

const sorts: readonly TenantSort[] = ['code', 'name', 'createdAt'];
export const defaultTenantListParams: TenantListParams = {
  page: 1,
  pageSize: 20,
  sort: 'createdAt',
  order: 'desc',
  q: '',
};

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** The tenant list's state lives in the address (?page=2&sort=name&order=asc&q=デモ). */
export function readTenantListParams(search: URLSearchParams): TenantListParams {
  const sort = search.get('sort');
  const order = search.get('order');
  return {
    page: positiveInt(search.get('page'), defaultTenantListParams.page, 100000),
    pageSize: positiveInt(search.get('pageSize'), defaultTenantListParams.pageSize, 100),
    sort: sorts.includes(sort as TenantSort) ? (sort as TenantSort) : defaultTenantListParams.sort,
    order: order === 'asc' || order === 'desc' ? order : defaultTenantListParams.order,
    q: (search.get('q') ?? '').slice(0, 100),
  };
}

export function writeTenantListParams(params: TenantListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['page', 'pageSize', 'sort', 'order', 'q'] as const) {
    const value = params[key];
    if (value !== defaultTenantListParams[key] && value !== '') search.set(key, String(value));
  }
  return search;
}
