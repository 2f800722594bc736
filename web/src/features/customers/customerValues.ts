import { type CustomerDetail, customerBody } from '../../../../common/customers.js';
import type { CustomerRequest } from '../../api/customers.js';

/** The fields of the create / edit form, in the manual's order (that of the shared schema). */
export const customerFieldNames = Object.keys(customerBody.shape) as (keyof typeof customerBody.shape)[];

export type CustomerFormValues = Record<(typeof customerFieldNames)[number], string>;

export const emptyCustomerValues: CustomerFormValues = Object.fromEntries(
  customerFieldNames.map((name) => [name, '']),
) as CustomerFormValues;

/** The edit form's starting values (stored nulls become empty fields). */
export function customerFormValues(customer: CustomerDetail): CustomerFormValues {
  return Object.fromEntries(
    customerFieldNames.map((name) => [name, customer[name] ?? '']),
  ) as CustomerFormValues;
}

/** The form's values as the request (every field; the schema trims and turns optional '' into null). */
export function customerRequest(values: Partial<Record<string, unknown>>): CustomerRequest {
  return Object.fromEntries(
    customerFieldNames.map((name) => {
      const value = values[name];
      return [name, typeof value === 'string' ? value : value == null ? '' : String(value)];
    }),
  ) as CustomerRequest;
}

/** The 7 digits of a postal code typed as `1000005` or `100-0005` (half- or full-width), else null. */
export function postalDigits(value: string): string | null {
  const halfWidth = value.replace(/[０-９－‐ー]/g, (c) =>
    c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : '-',
  );
  const match = /^\s*(\d{3})-?(\d{4})\s*$/.exec(halfWidth);
  return match ? `${match[1]}${match[2]}` : null;
}

const normalise = (name: string, value: string) => {
  const trimmed = value.trim();
  if (name === 'postalCode') return postalDigits(trimmed) ?? trimmed;
  return trimmed;
};

/** Whether the form differs from the stored customer (the edit needs at least one change). */
export function hasCustomerChanges(
  customer: CustomerDetail,
  values: Partial<Record<string, unknown>>,
): boolean {
  const before = customerFormValues(customer);
  const after = customerRequest(values);
  return customerFieldNames.some(
    (name) => normalise(name, before[name]) !== normalise(name, after[name] ?? ''),
  );
}
