import { useMutation, useQuery } from '@tanstack/react-query';
import type { AcceptInvitationBody } from '../../../common/schemas.js';
import { api } from './client.js';
import type { InvitationInfo } from './types.js';

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) =>
      api.post<{ ok: true }>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
  });
}
