import { useQuery } from '@tanstack/react-query';
import { api, queryString } from './client.js';
import type { Membership, SortOrder } from './types.js';

export type MembershipSort = 'code' | 'name';

export function useMemberships(sort: MembershipSort, order: SortOrder) {
  return useQuery({
    queryKey: ['memberships', sort, order],
    queryFn: () => api.get<{ items: Membership[] }>(`/api/memberships${queryString({ sort, order })}`),
    placeholderData: (previous) => previous,
  });
}
