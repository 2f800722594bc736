import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTenantBody, InviteTenantAdminBody, SortOrder } from '../../../common/schemas.js';
import type { CreatedInvitation, Tenant, TenantDetail, TenantList } from '../../../common/tenants.js';
import { api, queryString } from './client.js';

export type TenantSort = 'code' | 'name' | 'createdAt';

export type TenantListParams = {
  page: number;
  pageSize: number;
  sort: TenantSort;
  order: SortOrder;
  q: string;
};

const tenantsKey = ['operator', 'tenants'] as const;

export function useTenantList(params: TenantListParams) {
  return useQuery({
    queryKey: [...tenantsKey, 'list', params],
    queryFn: () => api.get<TenantList>(`/api/operator/tenants${queryString(params)}`),
    placeholderData: (previous) => previous,
  });
}

export function useTenant(id: string) {
  return useQuery({
    queryKey: [...tenantsKey, 'detail', id],
    queryFn: () => api.get<TenantDetail>(`/api/operator/tenants/${encodeURIComponent(id)}`),
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantBody) => api.post<Tenant>('/api/operator/tenants', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsKey }),
  });
}

export function useInviteTenantAdmin(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteTenantAdminBody) =>
      api.post<CreatedInvitation>(`/api/operator/tenants/${encodeURIComponent(tenantId)}/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsKey }),
  });
}
