import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedCustomerUser,
  CustomerUser,
  CustomerUserBodyInput,
  CustomerUserList,
} from '../../../common/customer-users.js';
import { api, seg } from './client.js';
import { customersKey } from './customers.js';

const usersPath = (customerId: string) => `/api/partner/customers/${seg(customerId)}/users`;
const usersKey = (customerId: string) => [...customersKey, 'users', customerId] as const;

export function useCustomerUsers(customerId: string) {
  return useQuery({
    queryKey: [...usersKey(customerId), 'list'],
    queryFn: () => api.get<CustomerUserList>(usersPath(customerId)),
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
    mutationFn: (body: CustomerUserBodyInput) => api.post<CreatedCustomerUser>(usersPath(customerId), body),
    onSuccess,
  });
}

export function useUpdateCustomerUser(customerId: string, userId: string) {
  const onSuccess = useInvalidateUsers(customerId);
  return useMutation({
    mutationFn: (body: CustomerUserBodyInput) =>
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
