/** Organisation kinds and the roles a membership may hold in each (SPEC §1). */
export const organizationKinds = ['operator', 'partner', 'customer'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ['operator_admin', 'support_agent', 'admin', 'member'] as const;
export type Role = (typeof roles)[number];

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * The roles that administer their organisation: the operator's 運営管理者 and a partner's or
 * customer's ポータル管理者. They manage the organisation's users, its MFA policy and certificates,
 * and are the "admins" of the certificate-for-admins rule. The one definition, on both sides.
 */
export const adminRoles = ['operator_admin', 'admin'] as const satisfies readonly Role[];
export type AdminRole = (typeof adminRoles)[number];

export function isAdminRole(role: string | undefined): role is AdminRole {
  return (adminRoles as readonly string[]).includes(role ?? '');
}
