/** Shared server/browser messages of customers (CU-1 … CU-6) and postal codes; merged into \`sharedMessages\`. */
export const customerMessages = {
  ja: {},
  en: {},
} as const;
