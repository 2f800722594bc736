import { useMutation, useQuery } from '@tanstack/react-query';
import type { IdentityCheckBody } from '../../../common/accounts.js';
import type { Ok } from '../../../common/contracts.js';
import type { AcceptedInvitation, InvitationInfo } from '../../../common/invitations.js';
import { api, seg } from './client.js';

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationInfo>(`/api/invitations/${seg(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Activation links: e-mail, name and phone must match before a password can be set. */
export function useVerifyIdentity(token: string) {
  return useMutation({
    mutationFn: (body: IdentityCheckBody) => api.post<Ok>(`/api/invitations/${seg(token)}/verify`, body),
  });
}

/** The body depends on the link's kind (sign-up form, activation, existing account). */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<AcceptedInvitation>(`/api/invitations/${seg(token)}/accept`, body),
  });
}
