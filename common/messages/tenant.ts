/** Shared server/browser messages of tenant selection, tenant settings, notification addresses and the support page; merged into \`sharedMessages\`. */
export const tenantMessages = {
  ja: {},
  en: {},
} as const;
