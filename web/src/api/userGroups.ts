import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserGroupBody } from '../../../common/accounts.js';
import type { GroupMembers, UserGroup, UserGroupList } from '../../../common/users.js';
import { api, seg } from './client.js';
import { usersKey } from './users.js';

const groupsKey = ['userGroups'] as const;

export function useUserGroups() {
  return useQuery({
    queryKey: groupsKey,
    queryFn: () => api.get<UserGroupList>('/api/user-groups'),
  });
}

/** Group changes also change the group column of the user list. */
function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: groupsKey }),
      queryClient.invalidateQueries({ queryKey: usersKey }),
    ]);
}

export function useCreateUserGroup() {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: UserGroupBody) => api.post<UserGroup>('/api/user-groups', body),
    onSuccess,
  });
}

export function useRenameUserGroup(groupId: string) {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: UserGroupBody) => api.patch<UserGroup>(`/api/user-groups/${seg(groupId)}`, body),
    onSuccess,
  });
}

export function useDeleteUserGroup() {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (groupId: string) => api.delete<void>(`/api/user-groups/${seg(groupId)}`),
    onSuccess,
  });
}

export function useSetGroupMembers(groupId: string) {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (userIds: string[]) =>
      api.put<GroupMembers>(`/api/user-groups/${seg(groupId)}/members`, { userIds }),
    onSuccess,
  });
}
