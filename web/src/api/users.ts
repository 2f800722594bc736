import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddUserBody, UpdateUserBody, UserListQuery, UserStatus } from '../../../common/accounts.js';
import type { SortOrder } from '../../../common/schemas.js';
import type { AddedUser, TemporaryPassword, UserDetail, UserList } from '../../../common/users.js';
import { api, queryString, seg } from './client.js';

export type UserSort = UserListQuery['sort'];

export type UserListParams = {
  page: number;
  pageSize: number;
  sort: UserSort;
  order: SortOrder;
  q: string;
  status: UserStatus | '';
};

/** The actions of the user detail drawer, each a POST without a body. */
export type UserAction = 'disable' | 'enable' | 'unlock' | 'mfa/reset';

/** What an admin can do with an open invitation (addressed by its membership). */
export type InvitationAction = 'resend' | 'cancel';

export const usersKey = ['users'] as const;

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: () => api.get<UserList>(`/api/users${queryString(params)}`),
    placeholderData: (previous) => previous,
  });
}

export function useUser(userId: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'detail', userId],
    queryFn: () => api.get<UserDetail>(`/api/users/${seg(userId ?? '')}`),
    enabled: userId !== null,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: AddUserBody) => api.post<AddedUser>('/api/users', body),
    onSuccess,
  });
}

export function useUpdateUser(userId: string) {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<UserDetail>(`/api/users/${seg(userId)}`, body),
    onSuccess,
  });
}

export function useUserAction(userId: string) {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (action: UserAction) => api.post<unknown>(`/api/users/${seg(userId)}/${action}`),
    onSuccess,
  });
}

export function useInvitationAction(memberId: string) {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (action: InvitationAction) =>
      api.post<unknown>(`/api/users/invitations/${seg(memberId)}/${action}`),
    onSuccess,
  });
}

export function useIssueTemporaryPassword(userId: string) {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: () => api.post<TemporaryPassword>(`/api/users/${seg(userId)}/temporary-password`),
    onSuccess,
  });
}
