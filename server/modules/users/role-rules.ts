import { translate } from '../../../common/messages.js';
import type { Locale, OrganizationKind, Role } from '../../../common/roles.js';
import { AppError } from '../../platform/errors.js';

/** The roles a membership may hold in each kind of organisation (`002`: 一般ユーザー / ポータル管理者). */
export const rolesFor = (kind: OrganizationKind): readonly Role[] =>
  kind === 'operator' ? ['operator_admin', 'support_agent'] : ['admin', 'member'];

export function assertRoleFits(kind: OrganizationKind, role: Role, locale: Locale): void {
  if (!rolesFor(kind).includes(role)) {
    throw new AppError(400, 'validation', { role: [translate(locale, 'validation.roleForOrganization')] });
  }
}
