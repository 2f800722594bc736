/** Field limits shared by forms and the server (manual `001 §2.2`, `§5.4`). */
export const limits = {
  email: 255,
  password: 128,
  personName: 40,
  /** A login user's whole name: family (≤256) + space + given (≤256), CU-6. */
  fullName: 513,
  tenantName: 40,
  title: 100,
  /** Half-width digits and hyphens; 10–15 digits without the hyphens. */
  phone: 20,
  company: 100,
  department: 100,
  note: 1000,
  comment: 500,
  groupName: 50,
  userSearch: 100,
  termsTitle: 200,
  termsBody: 100000,
} as const;
