import { describe, expect, it } from 'vitest';
import { customerListQuery } from '../../api/customers.js';
import {
  appliedFilterCount,
  cleanConditions,
  defaultCustomerListParams,
  readCustomerListParams,
  writeCustomerListParams,
} from './customerListParams.js';

describe('customer list parameters', () => {
  it('defaults to the newest customers first, every status', () => {
    expect(readCustomerListParams(new URLSearchParams())).toEqual(defaultCustomerListParams);
    expect(defaultCustomerListParams).toMatchObject({ sort: 'code', order: 'desc', status: 'all' });
  });

  it('reads every condition and drops invalid ones', () => {
    const params = readCustomerListParams(
      new URLSearchParams(
        'page=2&sort=balance&order=asc&code=A003&name=テスト&balanceOp=gte&balance=1000&lastBilledOn=2020-05-01&status=active',
      ),
    );
    expect(params).toMatchObject({
      page: 2,
      sort: 'balance',
      order: 'asc',
      code: 'A003',
      name: 'テスト',
      balanceOp: 'gte',
      balance: '1000',
      lastBilledOn: '2020-05-01',
      status: 'active',
    });
    const bad = readCustomerListParams(
      new URLSearchParams('sort=x&balanceOp=lt&balance=abc&lastBilledOn=2020/05/01&status=gone&page=-1'),
    );
    expect(bad).toEqual(defaultCustomerListParams);
  });

  it('writes only what differs, the balance operator only with an amount', () => {
    expect(writeCustomerListParams(defaultCustomerListParams).toString()).toBe('');
    expect(writeCustomerListParams({ ...defaultCustomerListParams, balanceOp: 'ne' }).toString()).toBe('');
    expect(writeCustomerListParams({ ...defaultCustomerListParams, balance: '0' }).toString()).toBe(
      'balance=0&balanceOp=eq',
    );
    const round = {
      ...defaultCustomerListParams,
      name: '株式会社',
      balance: '-5',
      balanceOp: 'lte' as const,
    };
    expect(readCustomerListParams(writeCustomerListParams(round))).toEqual(round);
  });

  it('sends the server the conditions it understands', () => {
    expect(customerListQuery(defaultCustomerListParams)).toBe(
      '?page=1&pageSize=20&sort=code&order=desc&status=all',
    );
    expect(customerListQuery({ ...defaultCustomerListParams, balance: '100', balanceOp: 'gte' })).toContain(
      'balanceOp=gte&balance=100',
    );
  });

  it('counts the applied フィルタ conditions', () => {
    expect(appliedFilterCount({ code: '', name: '', balance: '' })).toBe(0);
    expect(appliedFilterCount({ code: 'A0', name: ' ', balance: '0' })).toBe(2);
    expect(appliedFilterCount({ code: 'A0', name: 'x', balance: '1' })).toBe(3);
  });

  it('cleans typed conditions: trimmed, ¥ and commas out of the amount, non-numbers dropped', () => {
    const base = {
      code: ' A0 ',
      name: ' 日電 ',
      balanceOp: 'eq' as const,
      lastBilledOn: '',
      status: 'all' as const,
    };
    expect(cleanConditions({ ...base, balance: '¥1,000' })).toMatchObject({
      code: 'A0',
      name: '日電',
      balance: '1000',
    });
    expect(cleanConditions({ ...base, balance: '十円' }).balance).toBe('');
  });
});
