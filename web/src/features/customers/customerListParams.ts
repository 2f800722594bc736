import { type BalanceOp, balanceOps, customerStatuses } from '../../../../common/customers.js';
import type { CustomerListParams, CustomerSort } from '../../api/customers.js';
import { oneOf, positiveInt, writeListParams } from '../../components/table/listParams.js';

const sorts: readonly CustomerSort[] = ['code', 'name', 'balance', 'lastBilledOn', 'status'];

/** Newest first, like the manual's screenshot; every status until one is chosen. */
export const defaultCustomerListParams: CustomerListParams = {
  page: 1,
  pageSize: 20,
  sort: 'code',
  order: 'desc',
  code: '',
  name: '',
  balanceOp: 'eq',
  balance: '',
  lastBilledOn: '',
  status: 'all',
};

/** The conditions (not paging or sorting) of the list. */
export type CustomerConditions = Pick<
  CustomerListParams,
  'code' | 'name' | 'balanceOp' | 'balance' | 'lastBilledOn' | 'status'
>;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const isBalance = (value: string) => /^-?\d{1,15}$/.test(value);

/** The list's state from the address (?name=テスト&balanceOp=gte&balance=1000&status=active). */
export function readCustomerListParams(search: URLSearchParams): CustomerListParams {
  const d = defaultCustomerListParams;
  const lastBilledOn = search.get('lastBilledOn') ?? '';
  const balance = (search.get('balance') ?? '').trim();
  return {
    page: positiveInt(search.get('page'), d.page, 100000),
    pageSize: positiveInt(search.get('pageSize'), d.pageSize, 100),
    sort: oneOf(search.get('sort'), sorts, d.sort),
    order: oneOf(search.get('order'), ['asc', 'desc'], d.order),
    code: (search.get('code') ?? '').slice(0, 9),
    name: (search.get('name') ?? '').slice(0, 40),
    balanceOp: oneOf<BalanceOp>(search.get('balanceOp'), balanceOps, d.balanceOp),
    balance: isBalance(balance) ? balance : '',
    lastBilledOn: isDate(lastBilledOn) ? lastBilledOn : '',
    status: oneOf(search.get('status'), ['all', ...customerStatuses], d.status),
  };
}

export function writeCustomerListParams(params: CustomerListParams): URLSearchParams {
  const search = writeListParams(params, defaultCustomerListParams);
  // the operator means nothing without an amount
  if (params.balance === '') search.delete('balanceOp');
  else search.set('balanceOp', params.balanceOp);
  return search;
}

/** How many of the フィルタ conditions (会社ID, 会社名, 残高) are applied: the number on the button. */
export function appliedFilterCount(
  conditions: Pick<CustomerConditions, 'code' | 'name' | 'balance'>,
): number {
  return [conditions.code, conditions.name, conditions.balance].filter((v) => v.trim() !== '').length;
}

/** The conditions as typed, cleaned for the address: trimmed, a balance only when it is a number. */
export function cleanConditions(conditions: CustomerConditions): CustomerConditions {
  const balance = conditions.balance.trim().replace(/[,，¥￥]/g, '');
  return {
    ...conditions,
    code: conditions.code.trim(),
    name: conditions.name.trim(),
    balance: isBalance(balance) ? balance : '',
  };
}
