import type { OrganizationKind, Role } from '../../../common/roles.js';

/** Who is asking: the signed-in user and the membership they act through. */
export type Scope = {
  userId: string;
  membershipId: string;
  organizationId: string;
  kind: OrganizationKind;
  /** The partner tenant the membership belongs to (null for the operator). */
  tenantId: string | null;
  role: Role;
};

/** Who may call a route; every API route declares one (checked when routes are registered). */
export type Access =
  | 'public'
  | 'signed-in'
  | { kind: OrganizationKind; roles?: readonly Role[] }
  /** Routes every portal shares (user administration): any kind of organisation, these roles. */
  | { kind?: undefined; roles: readonly Role[] };
