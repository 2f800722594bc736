import type { CustomerBody } from '../../../common/customers.js';
import type { CustomersTable } from '../../db/types.js';

/** The form's profile fields and their columns in `customers` (the name lives in `organizations`). */
export const profileColumn = {
  memo1: 'memo1',
  memo2: 'memo2',
  memo3: 'memo3',
  contactFamilyName: 'contact_family_name',
  contactGivenName: 'contact_given_name',
  department: 'department',
  title: 'title',
  email: 'email',
  postalCode: 'postal_code',
  prefecture: 'prefecture',
  address: 'address',
  phone: 'phone',
} as const satisfies Partial<Record<keyof CustomerBody, keyof CustomersTable>>;

export type ProfileField = keyof typeof profileColumn;
export const profileFields = Object.keys(profileColumn) as ProfileField[];

/** The given profile fields of the form as `customers` columns (all of them by default). */
export function profileColumns(body: CustomerBody, fields: readonly ProfileField[] = profileFields) {
  return Object.fromEntries(fields.map((f) => [profileColumn[f], body[f]])) as {
    [F in ProfileField as (typeof profileColumn)[F]]: CustomerBody[F];
  };
}
