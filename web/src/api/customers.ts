import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BalanceOp,
  CreatedCustomer,
  CustomerBodyInput,
  CustomerDetail,
  CustomerList,
  CustomerStatus,
  customerSortKeys,
  PostalAddress,
} from '../../../common/customers.js';
import type { SortOrder } from '../../../common/schemas.js';
import { api, queryString, seg } from './client.js';

export type CustomerSort = (typeof customerSortKeys)[number];

/** CU-1: the list's state (also kept in the address). Empty strings are "no condition". */
export type CustomerListParams = {
  page: number;
  pageSize: number;
  sort: CustomerSort;
  order: SortOrder;
  code: string;
  name: string;
  balanceOp: BalanceOp;
  balance: string;
  lastBilledOn: string;
  status: CustomerStatus | 'all';
};

/** The create / edit request: the whole form (`customerBody` of common/customers.ts). */
export type CustomerRequest = CustomerBodyInput;

export const customersKey = ['partner', 'customers'] as const;

/** The query the server expects: the balance operator only travels with a balance. */
export function customerListQuery(params: CustomerListParams): string {
  const { balanceOp, balance, ...rest } = params;
  return queryString({ ...rest, ...(balance === '' ? {} : { balanceOp, balance }) });
}

export function useCustomerList(params: CustomerListParams) {
  return useQuery({
    queryKey: [...customersKey, 'list', params],
    queryFn: () => api.get<CustomerList>(`/api/partner/customers${customerListQuery(params)}`),
    placeholderData: (previous) => previous,
  });
}

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'detail', customerId],
    queryFn: () => api.get<CustomerDetail>(`/api/partner/customers/${seg(customerId)}`),
  });
}

function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: customersKey });
}

export function useCreateCustomer() {
  const onSuccess = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: CustomerRequest) => api.post<CreatedCustomer>('/api/partner/customers', body),
    onSuccess,
  });
}

export function useUpdateCustomer(customerId: string) {
  const onSuccess = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: CustomerRequest) =>
      api.patch<CustomerDetail>(`/api/partner/customers/${seg(customerId)}`, body),
    onSuccess,
  });
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) => api.delete<void>(`/api/partner/customers/${seg(customerId)}`),
    onSuccess: (_data, customerId) => {
      queryClient.removeQueries({ queryKey: [...customersKey, 'detail', customerId] });
      return queryClient.invalidateQueries({ queryKey: [...customersKey, 'list'] });
    },
  });
}

/** Prefecture and address of a 7-digit postal code, or null when the code is unknown. */
export async function lookUpPostalCode(digits: string): Promise<PostalAddress | null> {
  try {
    return await api.get<PostalAddress>(`/api/postal-codes/${seg(digits)}`);
  } catch {
    return null;
  }
}
