import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedPasskey,
  PasskeyList,
  RegisterPasskeyBody,
  WebauthnOptions,
} from '../../../common/passkeys.js';
import { api, seg } from './client.js';
import { myMfaKey } from './mfa.js';

const passkeysKey = ['me', 'passkeys'] as const;

export function useMyPasskeys() {
  return useQuery({
    queryKey: passkeysKey,
    queryFn: () => api.get<PasskeyList>('/api/me/passkeys').then((answer) => answer.items),
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
  return useMutation({ mutationFn: () => api.post<WebauthnOptions>('/api/me/passkeys/options') });
}

export function useRegisterPasskey() {
  const onSuccess = useRefreshPasskeys();
  return useMutation({
    mutationFn: (body: RegisterPasskeyBody) => api.post<CreatedPasskey>('/api/me/passkeys', body),
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
  return useMutation({ mutationFn: () => api.post<WebauthnOptions>('/api/auth/mfa/passkey/options') });
}
