/** Texts of mail templates (PP-7). */
export const mailTemplateJa = {};

export const mailTemplateEn: Record<keyof typeof mailTemplateJa, string> = {};
