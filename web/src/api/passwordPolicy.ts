import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from './client.js';
import type { OrganizationPasswordPolicy } from './types.js';

const key = (organizationId: string) => ['operator', 'passwordPolicy', organizationId] as const;
const path = (organizationId: string) => `/api/operator/organizations/${seg(organizationId)}/password-policy`;

export function useOrganizationPasswordPolicy(organizationId: string) {
  return useQuery({
    queryKey: key(organizationId),
    queryFn: () => api.get<OrganizationPasswordPolicy>(path(organizationId)),
  });
}

export function useSaveOrganizationPasswordPolicy(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationPasswordPolicy) =>
      api.put<OrganizationPasswordPolicy>(path(organizationId), body),
    onSuccess: (saved) => queryClient.setQueryData(key(organizationId), saved),
  });
}
