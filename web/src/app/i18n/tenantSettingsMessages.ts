/** Texts of tenant selection, tenant settings, notification addresses, support page and the operator side. */
export const tenantSettingsJa = {};

export const tenantSettingsEn: Record<keyof typeof tenantSettingsJa, string> = {};
