import { describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../../common/customers.js';
import { customerFormValues, customerRequest, hasCustomerChanges, postalDigits } from './customerValues.js';
import { formatYen } from './format.js';

const stored: CustomerDetail = {
  id: '1',
  code: 'A00000001',
  name: 'サンプル株式会社',
  status: 'active',
  memo1: null,
  memo2: 'メモ',
  memo3: null,
  contactFamilyName: '日電',
  contactGivenName: '太郎',
  department: null,
  title: null,
  email: 'example@example.com',
  postalCode: '100-0005',
  prefecture: '東京都',
  address: '千代田区丸の内1-1',
  phone: '0312345678',
  balance: 0,
  lastBilledOn: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deletionBlockers: [],
};

describe('customer form values', () => {
  it('turns stored nulls into empty fields and back into the whole request', () => {
    const values = customerFormValues(stored);
    expect(values.memo1).toBe('');
    expect(values.memo2).toBe('メモ');
    expect(Object.keys(customerRequest(values))).toHaveLength(13);
    expect(customerRequest({ name: 'x' }).memo1).toBe('');
  });

  it('finds a change, ignoring surrounding blanks and the postal code hyphen', () => {
    const values = customerFormValues(stored);
    expect(hasCustomerChanges(stored, values)).toBe(false);
    expect(hasCustomerChanges(stored, { ...values, name: ' サンプル株式会社 ' })).toBe(false);
    expect(hasCustomerChanges(stored, { ...values, postalCode: '1000005' })).toBe(false);
    expect(hasCustomerChanges(stored, { ...values, postalCode: '1000006' })).toBe(true);
    expect(hasCustomerChanges(stored, { ...values, memo3: 'new' })).toBe(true);
  });

  it('reads 7 digits out of a postal code as typed', () => {
    expect(postalDigits('1000005')).toBe('1000005');
    expect(postalDigits('100-0005')).toBe('1000005');
    expect(postalDigits('１００－０００５')).toBe('1000005');
    expect(postalDigits('100000')).toBeNull();
    expect(postalDigits('10000055')).toBeNull();
    expect(postalDigits('1000-005')).toBeNull();
  });

  it('shows amounts in yen', () => {
    expect(formatYen(0)).toBe('¥0');
    expect(formatYen(1234567)).toBe('¥1,234,567');
    expect(formatYen(-500)).toBe('-¥500');
  });
});
