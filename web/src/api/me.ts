import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Profile } from '../../../common/accounts.js';
import type { MySessionList } from '../../../common/session.js';
import { api, seg } from './client.js';
import { sessionKey } from './session.js';

export type ProfileInput = Partial<Pick<Profile, 'name' | 'phone' | 'mobile' | 'locale' | 'timeZone'>>;

const profileKey = ['me', 'profile'] as const;
const sessionsKey = ['me', 'sessions'] as const;

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get<Profile>('/api/me/profile') });
}

/** Saving the profile also refreshes the session (name, language and time zone shown everywhere). */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api.patch<Profile>('/api/me/profile', body),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey, profile);
      return queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<MySessionList>('/api/me/sessions'),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/me/sessions/${seg(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
