import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ok } from '../../../common/contracts.js';
import type {
  ChangePasswordBody,
  MyPasswordPolicy,
  PasswordResetBody,
  PasswordResetInfo,
  PasswordResetRequestBody,
} from '../../../common/passwords.js';
import { api, seg } from './client.js';
import { sessionKey } from './session.js';

/** 「パスワードをお忘れの方」: always answers the same, whether or not the address is known. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetRequestBody) => api.post<Ok>('/api/auth/password-reset', body),
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
    mutationFn: (body: PasswordResetBody) => api.post<Ok>(`/api/password-resets/${seg(token)}`, body),
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
    mutationFn: (body: ChangePasswordBody) => api.post<Ok>('/api/me/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
