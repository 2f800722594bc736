import type { CrossTenantResult, CrossTenantSearchQuery } from '../../../common/tenant-settings.js';
import { withTenants } from '../../db/row-scope.js';
import type { AppDeps } from '../../deps.js';
import { activePartnerTenantsOf, searchCustomersOfTenants } from './repository.js';

/**
 * テナント横断検索 (PP-1, `001 §4.1`): customers of every tenant where the user has an active
 * partner membership (the page says "N件見つかりました。10件まで表示しています。"). The statements
 * run in a row scope of exactly those tenants: the one request that reaches several.
 */
export async function searchCustomersAcrossTenants(
  deps: Pick<AppDeps, 'db'>,
  userId: string,
  query: CrossTenantSearchQuery,
): Promise<CrossTenantResult> {
  const tenantIds = await activePartnerTenantsOf(deps.db, userId);
  if (tenantIds.length === 0) return { total: 0, items: [] };
  return withTenants(tenantIds, () => searchCustomersOfTenants(deps.db, tenantIds, query));
}
