import { useQuery } from '@tanstack/react-query';
import type { SortOrder } from '../../../common/schemas.js';
import type { MembershipList } from '../../../common/session.js';
import { api, queryString } from './client.js';

export type MembershipSort = 'code' | 'name';

export function useMemberships(sort: MembershipSort, order: SortOrder) {
  return useQuery({
    queryKey: ['memberships', sort, order],
    queryFn: () => api.get<MembershipList>(`/api/memberships${queryString({ sort, order })}`),
    placeholderData: (previous) => previous,
  });
}
