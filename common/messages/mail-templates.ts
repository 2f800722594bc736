/** Shared server/browser messages of mail templates (PP-7); merged into \`sharedMessages\`. */
export const mailTemplateMessages = {
  ja: {},
  en: {},
} as const;
