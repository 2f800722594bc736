import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from './client.js';
import { customersKey } from './customers.js';

export type CustomerUserStatus = 'invited' | 'active' | 'disabled';

/** CU-6: a login user of a customer organisation (ユーザID like YW499776). */
export type CustomerUser = {
  id: string;
  code: string;
  familyName: string;
  givenName: string;
  email: string;
  mobile: string | null;
  status: CustomerUserStatus;
  invitationExpired: boolean;
};

export type CustomerUserRequest = {
  familyName: string;
  givenName: string;
  email: string;
  mobile?: string;
};

const usersPath = (customerId: string) => `/api/partner/customers/${seg(customerId)}/users`;
const usersKey = (customerId: string) => [...customersKey, 'users', customerId] as const;

export function useCustomerUsers(customerId: string) {
  return useQuery({
    queryKey: [...usersKey(customerId), 'list'],
    queryFn: () => api.get<{ items: CustomerUser[] }>(usersPath(customerId)),
  });
}

export function useCustomerUser(customerId: string, userId: string) {
  return useQuery({
    queryKey: [...usersKey(customerId), 'detail', userId],
    queryFn: () => api.get<CustomerUser>(`${usersPath(customerId)}/${seg(userId)}`),
  });
}

function useInvalidateUsers(customerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey(customerId) });
}

export function useCreateCustomerUser(customerId: string) {
  const onSuccess = useInvalidateUsers(customerId);
  return useMutation({
    mutationFn: (body: CustomerUserRequest) =>
      api.post<{ id: string; code: string }>(usersPath(customerId), body),
    onSuccess,
  });
}

export function useUpdateCustomerUser(customerId: string, userId: string) {
  const onSuccess = useInvalidateUsers(customerId);
  return useMutation({
    mutationFn: (body: CustomerUserRequest) =>
      api.patch<CustomerUser>(`${usersPath(customerId)}/${seg(userId)}`, body),
    onSuccess,
  });
}

export function useDeleteCustomerUser(customerId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`${usersPath(customerId)}/${seg(userId)}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...usersKey(customerId), 'detail', userId] });
      return queryClient.invalidateQueries({ queryKey: [...usersKey(customerId), 'list'] });
    },
  });
}
