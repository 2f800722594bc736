import type { CustomerDeletionBlocker } from '../../../common/customers.js';
import type { Db } from '../../db/pool.js';

/**
 * Why a customer cannot be deleted (CU-5, `001 §7.4.1 (2)`): while it has contracts (all cancelled:
 * allowed from the 5th of the month after the contract end) or UTMs. The one place this rule
 * lives — the detail shows it, the deletion refuses with it. Contracts and devices do not exist
 * yet; their issues add their checks here, each statement scoped by the tenant.
 */
export async function customerDeletionBlockers(
  _trx: Db,
  _tenantId: string,
  _customerId: string,
): Promise<CustomerDeletionBlocker[]> {
  return [];
}
