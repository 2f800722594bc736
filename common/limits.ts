/** Field limits shared by forms and the server (manual `001 §2.2`, `§5.4`). */
export const limits = {
  email: 255,
  password: 128,
  personName: 40,
  tenantName: 40,
  termsTitle: 200,
  termsBody: 100000,
} as const;
