import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../common/roles.js';
import type { LoginBody } from '../../../common/schemas.js';
import type { LoginResult, Session, SignedIn, SignedInSession } from '../../../common/session.js';
import { api } from './client.js';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api.get<Session>('/api/session'),
    staleTime: 60_000,
  });
}

/**
 * The session as pages read it: signed out, the signed-in fields read as undefined, so
 * `session.current?.kind` needs no look at `session.user` first.
 */
export type SessionView =
  | SignedInSession
  | (Extract<Session, { user: null }> & { [K in Exclude<keyof SignedInSession, 'user'>]?: undefined });

/** The session once loaded; components under the session gate may rely on it. */
export function useLoadedSession(): SessionView {
  const { data } = useSession();
  return data ?? { user: null };
}

/** The session part of a signed-in answer (the `status` field is the login step's). */
function sessionOf(result: SignedIn) {
  const { status: _status, ...session } = result;
  return session;
}

/** After the login step: a new session replaces every query of the logged-out visitor. */
export function useApplyLoginResult() {
  const queryClient = useQueryClient();
  return async (result: LoginResult) => {
    if (result.status === 'mfa_required') return;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    if (result.status === 'mfa_enrolment_required')
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    else queryClient.setQueryData(sessionKey, sessionOf(result));
  };
}

/** The password step; a second factor may follow (`status: 'mfa_required'`). */
export function useLogin() {
  const apply = useApplyLoginResult();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/api/auth/login', body),
    onSuccess: apply,
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
