import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountRequestBody,
  AccountRequestList,
  AccountRequestView,
  CreatedAccountRequest,
  DownloadView,
  SupportId,
} from '../../../common/certificates.js';
import { api, seg } from './client.js';

const ownKey = ['accountRequests'] as const;
const operatorKey = ['operator', 'accountRequests'] as const;

export function useSupportId() {
  return useQuery({
    queryKey: ['organization', 'supportId'],
    queryFn: () => api.get<SupportId>('/api/organization/support-id'),
  });
}

export function useAccountRequests() {
  return useQuery({
    queryKey: ownKey,
    queryFn: () => api.get<AccountRequestList>('/api/account-requests'),
  });
}

export function useCreateAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountRequestBody) => api.post<CreatedAccountRequest>('/api/account-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownKey }),
  });
}

export function useOperatorAccountRequests() {
  return useQuery({
    queryKey: operatorKey,
    queryFn: () => api.get<AccountRequestList>('/api/operator/account-requests'),
  });
}

export function useAdvanceAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: 'start' | 'complete' }) =>
      api.post<AccountRequestView>(`/api/operator/account-requests/${seg(id)}/${step}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKey }),
  });
}

export function useDownloadInfo(token: string) {
  return useQuery({
    queryKey: ['download', token],
    queryFn: () => api.get<DownloadView>(`/api/downloads/${seg(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
