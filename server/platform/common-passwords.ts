import { dictionary } from '@zxcvbn-ts/language-common';

// ~49,000 passwords seen most often in breaches, bundled with zxcvbn-ts (no network at run time).
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => String(p).toLowerCase()));

/** True when the password (case-insensitively) is on the bundled list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
