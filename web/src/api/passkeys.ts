import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasskeyRegistrationResponse } from '../../../common/passkeys.js';
import { api, seg } from './client.js';
import { myMfaKey } from './mfa.js';

export type Passkey = { id: string; name: string; createdAt: string; lastUsedAt?: string | null };

const passkeysKey = ['me', 'passkeys'] as const;

/** Some answers wrap the list or the options; both shapes are read. */
const itemsOf = (answer: Passkey[] | { items: Passkey[] }) => (Array.isArray(answer) ? answer : answer.items);

export function useMyPasskeys() {
  return useQuery({
    queryKey: passkeysKey,
    queryFn: () => api.get<Passkey[] | { items: Passkey[] }>('/api/me/passkeys').then(itemsOf),
  });
}

function useRefreshPasskeys() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: passkeysKey }),
      queryClient.invalidateQueries({ queryKey: myMfaKey }),
    ]);
}

export function usePasskeyRegistrationOptions() {
  return useMutation({ mutationFn: () => api.post<unknown>('/api/me/passkeys/options') });
}

export function useRegisterPasskey() {
  const onSuccess = useRefreshPasskeys();
  return useMutation({
    mutationFn: (body: { name: string; response: PasskeyRegistrationResponse }) =>
      api.post<Passkey>('/api/me/passkeys', body),
    onSuccess,
  });
}

export function useRemovePasskey() {
  const onSuccess = useRefreshPasskeys();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/me/passkeys/${seg(id)}`),
    onSuccess,
  });
}

export function usePasskeyLoginOptions() {
  return useMutation({ mutationFn: () => api.post<unknown>('/api/auth/mfa/passkey/options') });
}
