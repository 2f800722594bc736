import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateList, IssuedCertificate } from '../../../common/certificates.js';
import { api, seg } from './client.js';

const key = (userId: string) => ['certificates', userId] as const;
const path = (userId: string) => `/api/users/${seg(userId)}/certificates`;

export function useUserCertificates(userId: string) {
  return useQuery({
    queryKey: key(userId),
    queryFn: () => api.get<CertificateList>(path(userId)),
  });
}

/** Issue (first) or reissue (revokes every earlier one): both answer the one-time PKCS#12. */
export function useIssueCertificate(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reissue: boolean) =>
      api.post<IssuedCertificate>(reissue ? `${path(userId)}/reissue` : path(userId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(userId) }),
  });
}

export function useRevokeCertificate(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (certificateId: string) => api.post<void>(`/api/certificates/${seg(certificateId)}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(userId) }),
  });
}

/** The user's own certificates (read-only: admins issue them). */
export function useMyCertificates() {
  return useQuery({
    queryKey: ['me', 'certificates'],
    queryFn: () => api.get<CertificateList>('/api/me/certificates'),
  });
}
