import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from './client.js';
import { sessionKey } from './session.js';
import type { MyPasswordPolicy, PasswordResetInfo } from './types.js';

type NewPassword = { password: string; passwordConfirm: string };

/** 「パスワードをお忘れの方」: always answers the same, whether or not the address is known. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => api.post<{ ok: true }>('/api/auth/password-reset', body),
  });
}

export function usePasswordReset(token: string) {
  return useQuery({
    queryKey: ['passwordReset', token],
    queryFn: () => api.get<PasswordResetInfo>(`/api/password-resets/${seg(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (body: NewPassword) => api.post<{ ok: true }>(`/api/password-resets/${seg(token)}`, body),
  });
}

export function useMyPasswordPolicy() {
  return useQuery({
    queryKey: ['me', 'passwordPolicy'],
    queryFn: () => api.get<MyPasswordPolicy>('/api/me/password-policy'),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPassword & { currentPassword: string }) =>
      api.post<{ ok: true }>('/api/me/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
