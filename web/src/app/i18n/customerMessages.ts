/** Texts of 顧客管理 (CU-1 … CU-6) and the postal-code auto-fill. */
export const customerJa = {};

export const customerEn: Record<keyof typeof customerJa, string> = {};
