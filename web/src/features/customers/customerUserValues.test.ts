import { describe, expect, it } from 'vitest';
import type { CustomerUser } from '../../../../common/customer-users.js';
import {
  customerUserFormValues,
  customerUserRequest,
  customerUserStatusKey,
  hasCustomerUserChanges,
} from './customerUserValues.js';

const user: CustomerUser = {
  id: '7',
  code: 'YW499776',
  familyName: '顧客',
  givenName: '一郎',
  email: 'ichiro@example.com',
  mobile: null,
  status: 'invited',
  invitationExpired: false,
};

describe('customer login user values', () => {
  it('fills the edit form and sends every field', () => {
    expect(customerUserFormValues(user)).toEqual({
      familyName: '顧客',
      givenName: '一郎',
      email: 'ichiro@example.com',
      mobile: '',
    });
    expect(customerUserRequest({ familyName: 'a' })).toEqual({
      familyName: 'a',
      givenName: '',
      email: '',
      mobile: '',
    });
  });

  it('needs at least one change (blanks around values do not count)', () => {
    const values = customerUserFormValues(user);
    expect(hasCustomerUserChanges(user, values)).toBe(false);
    expect(hasCustomerUserChanges(user, { ...values, givenName: ' 一郎 ' })).toBe(false);
    expect(hasCustomerUserChanges(user, { ...values, mobile: '09012345678' })).toBe(true);
  });

  it('names the status: provisional, expired, active, disabled', () => {
    expect(customerUserStatusKey(user)).toBe('invited');
    expect(customerUserStatusKey({ ...user, invitationExpired: true })).toBe('expired');
    expect(customerUserStatusKey({ ...user, status: 'active' })).toBe('active');
    expect(customerUserStatusKey({ ...user, status: 'disabled', invitationExpired: true })).toBe('disabled');
  });
});
