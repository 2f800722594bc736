import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishTermsBody } from '../../../common/passwords.js';
import type { CurrentTerms, PublishedTerms, TermsVersionList } from '../../../common/terms.js';
import { api, seg } from './client.js';
import { sessionKey } from './session.js';

const operatorTermsKey = ['operator', 'terms'] as const;

/** The current terms in the user's language (the key follows the language). */
export function useCurrentTerms(language: string) {
  return useQuery({
    queryKey: ['terms', 'current', language],
    queryFn: () => api.get<CurrentTerms>('/api/terms/current'),
    retry: false,
  });
}

export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/terms/${seg(id)}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useTermsVersions() {
  return useQuery({
    queryKey: operatorTermsKey,
    queryFn: () => api.get<TermsVersionList>('/api/operator/terms'),
  });
}

/** Publishing makes every user (the publisher too) accept the new version. */
export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishTermsBody) => api.post<PublishedTerms>('/api/operator/terms', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: operatorTermsKey }),
        queryClient.invalidateQueries({ queryKey: sessionKey }),
      ]),
  });
}
