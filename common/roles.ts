/** Organisation kinds and the roles a membership may hold in each (SPEC §1). */
export const organizationKinds = ['operator', 'partner', 'customer'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ['operator_admin', 'support_agent', 'admin', 'member'] as const;
export type Role = (typeof roles)[number];

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
