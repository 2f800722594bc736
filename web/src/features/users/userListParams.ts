import { userStatuses } from '../../../../common/accounts.js';
import type { UserListParams, UserSort } from '../../api/users.js';
import { oneOf, positiveInt, writeListParams } from '../../components/table/listParams.js';

const sorts: readonly UserSort[] = ['name', 'email', 'role', 'status', 'createdAt'];
export const defaultUserListParams: UserListParams = {
  page: 1,
  pageSize: 20,
  sort: 'name',
  order: 'asc',
  q: '',
  status: '',
};

/** The user list's state lives in the address (?status=invited&q=山田&sort=email). */
export function readUserListParams(search: URLSearchParams): UserListParams {
  return {
    page: positiveInt(search.get('page'), defaultUserListParams.page, 100000),
    pageSize: positiveInt(search.get('pageSize'), defaultUserListParams.pageSize, 100),
    sort: oneOf(search.get('sort'), sorts, defaultUserListParams.sort),
    order: oneOf(search.get('order'), ['asc', 'desc'], defaultUserListParams.order),
    q: (search.get('q') ?? '').slice(0, 100),
    status: oneOf(search.get('status'), ['', ...userStatuses], ''),
  };
}

export function writeUserListParams(params: UserListParams, keep?: URLSearchParams): URLSearchParams {
  const search = writeListParams(params, defaultUserListParams);
  const tab = keep?.get('tab');
  if (tab) search.set('tab', tab);
  return search;
}
