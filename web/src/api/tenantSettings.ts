import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationFieldsBody,
  CrossTenantResult,
  NotificationAddresses,
  NotificationAddressesBody,
  OperatorTenantSettings,
  SavedNotificationAddresses,
  SearchBy,
  SupportInfo,
  SupportPageBody,
  TenantSettings,
  TenantSettingsBody,
  VerificationInfo,
  VerifiedAddress,
} from '../../../common/tenant-settings.js';
import { api, queryString, seg } from './client.js';

/** PP-1, PP-4, PP-6, PP-8 and OP-1: tenant settings, notification addresses, support page, search. */

const settingsKey = ['partner', 'tenant-settings'] as const;
const supportKey = ['partner', 'support'] as const;
const addressesKey = ['partner', 'notification-addresses'] as const;
const operatorKey = (tenantId: string) => ['operator', 'tenants', 'settings', tenantId] as const;

export function useTenantSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<TenantSettings>('/api/partner/tenant-settings'),
  });
}

export function useSaveTenantSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantSettingsBody) => api.put<TenantSettings>('/api/partner/tenant-settings', body),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

export function useSupportInfo() {
  return useQuery({ queryKey: supportKey, queryFn: () => api.get<SupportInfo>('/api/partner/support') });
}

export function useNotificationAddresses() {
  return useQuery({
    queryKey: addressesKey,
    queryFn: () => api.get<NotificationAddresses>('/api/partner/notification-addresses'),
  });
}

export function useSaveNotificationAddresses() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationAddressesBody) =>
      api.put<SavedNotificationAddresses>('/api/partner/notification-addresses', body),
    onSuccess: ({ addresses, anyVerified }) =>
      queryClient.setQueryData<NotificationAddresses>(addressesKey, { addresses, anyVerified }),
  });
}

const verifyPath = (token: string) => `/api/notification-addresses/verify/${seg(token)}`;

export function useAddressVerification(token: string) {
  return useQuery({
    queryKey: ['notification-address-verification', token],
    queryFn: () => api.get<VerificationInfo>(verifyPath(token)),
    retry: false,
  });
}

export function useVerifyAddress(token: string) {
  return useMutation({ mutationFn: () => api.post<VerifiedAddress>(verifyPath(token)) });
}

/** PP-1: the search runs when a term is set (after 検索), across the user's partner tenants. */
export function useCrossTenantSearch(by: SearchBy, q: string) {
  return useQuery({
    queryKey: ['cross-tenant-search', by, q],
    queryFn: () => api.get<CrossTenantResult>(`/api/partner/cross-tenant-search${queryString({ by, q })}`),
    enabled: q !== '',
    retry: false,
  });
}

const operatorPath = (tenantId: string) => `/api/operator/tenants/${seg(tenantId)}`;

export function useOperatorTenantSettings(tenantId: string) {
  return useQuery({
    queryKey: operatorKey(tenantId),
    queryFn: () => api.get<OperatorTenantSettings>(`${operatorPath(tenantId)}/settings`),
  });
}

export function useSaveApplicationFields(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationFieldsBody) =>
      api.put<OperatorTenantSettings>(`${operatorPath(tenantId)}/application-fields`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKey(tenantId) }),
  });
}

export function useSaveSupportPage(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportPageBody) =>
      api.put<OperatorTenantSettings>(`${operatorPath(tenantId)}/support-page`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKey(tenantId) }),
  });
}
