import type { CustomerUser, CustomerUserBodyInput } from '../../../../common/customer-users.js';

export const customerUserFieldNames = ['familyName', 'givenName', 'email', 'mobile'] as const;
export type CustomerUserFormValues = Record<(typeof customerUserFieldNames)[number], string>;

export const emptyCustomerUserValues: CustomerUserFormValues = {
  familyName: '',
  givenName: '',
  email: '',
  mobile: '',
};

export function customerUserFormValues(user: CustomerUser): CustomerUserFormValues {
  return {
    familyName: user.familyName,
    givenName: user.givenName,
    email: user.email,
    mobile: user.mobile ?? '',
  };
}

/** The form's values as the request (strings; the schema trims them). */
export function customerUserRequest(values: Partial<Record<string, unknown>>): CustomerUserBodyInput {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    familyName: text('familyName'),
    givenName: text('givenName'),
    email: text('email'),
    mobile: text('mobile'),
  };
}

/** Whether the form differs from the stored user (ユーザ編集 needs at least one change). */
export function hasCustomerUserChanges(
  user: CustomerUser,
  values: Partial<Record<string, unknown>>,
): boolean {
  const before = customerUserFormValues(user);
  const after = customerUserRequest(values);
  return customerUserFieldNames.some((name) => before[name].trim() !== (after[name] ?? '').trim());
}

/** The status word of a login user: 仮登録 (期限切れ), 有効, 無効. */
export function customerUserStatusKey(user: Pick<CustomerUser, 'status' | 'invitationExpired'>): string {
  if (user.status === 'invited') return user.invitationExpired ? 'expired' : 'invited';
  return user.status;
}
