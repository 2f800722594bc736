import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationPasswordPolicy, PasswordPolicyBody } from '../../../common/passwords.js';
import { api, seg } from './client.js';

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
    mutationFn: (body: PasswordPolicyBody) => api.put<OrganizationPasswordPolicy>(path(organizationId), body),
    onSuccess: (saved) => queryClient.setQueryData(key(organizationId), saved),
  });
}
