import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../common/roles.js';
import type { LoginBody } from '../../../common/schemas.js';
import { api } from './client.js';
import type { Session } from './types.js';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api.get<Session>('/api/session'),
    staleTime: 60_000,
  });
}

/** The session once loaded; components under the session gate may rely on it. */
export function useLoadedSession(): Session {
  const { data } = useSession();
  return data ?? { user: null };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Session>('/api/auth/login', body),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

/**
 * Logs out and reloads the app on the login page, so nothing of the old session stays in
 * memory (queries, forms) and no route guard sees a half-cleared state.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => window.location.replace('/login'),
  });
}

export function useSelectOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) =>
      api.post<Session>('/api/session/organization', { organizationId }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.put<void>('/api/me/locale', { locale }),
    onSuccess: (_void, locale) => {
      queryClient.setQueryData<Session>(sessionKey, (old) =>
        old?.user ? { ...old, user: { ...old.user, locale } } : old,
      );
    },
  });
}
