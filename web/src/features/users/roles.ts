import type { OrganizationKind, Role } from '../../../../common/roles.js';

/** The roles an organisation's users may hold: 一般ユーザー / ポータル管理者, or the operator's two. */
export function rolesFor(kind: OrganizationKind): Role[] {
  return kind === 'operator' ? ['support_agent', 'operator_admin'] : ['member', 'admin'];
}
