import { z } from 'zod';
import type { Wire } from './contracts.js';

/**
 * Password rules (ID-3), evaluated live in the browser and again on the server. The server adds
 * the two rules the browser cannot know: the user's recent passwords and the common-password list.
 */
export const PASSWORD_MAX_LENGTH = 128;

/** Symbols allowed by the manual (`001 §2.2`); `¥` and `\` are the same key on Japanese keyboards. */
export const PASSWORD_SYMBOLS = '=+^$*.[]{}()?-"!@#%&/¥\\,><\':;_~`';

/** The rules that apply (the strictest of a user's organisations), as the invitation, reset and own-policy answers carry them. */
export const passwordPolicySchema = z.object({
  profile: z.enum(['standard', 'nist']),
  minLength: z.number(),
  requireLower: z.boolean(),
  requireUpper: z.boolean(),
  requireDigit: z.boolean(),
  requireSymbol: z.boolean(),
  historyCount: z.number(),
});
export type PasswordPolicy = Wire<typeof passwordPolicySchema>;

/** The manual's rule (`000 §10`): ≥12, all four classes, no user name, none of the last 4. */
export const standardPolicy: PasswordPolicy = {
  profile: 'standard',
  minLength: 12,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  requireSymbol: true,
  historyCount: 4,
};

/** NIST SP 800-63B: length over composition; 15 without a second factor, 8 with one. */
export const nistPolicy: PasswordPolicy = {
  profile: 'nist',
  minLength: 15,
  requireLower: false,
  requireUpper: false,
  requireDigit: false,
  requireSymbol: false,
  historyCount: 0,
};
export const NIST_MIN_LENGTH_WITH_MFA = 8;

/** A user of several organisations must satisfy each one's policy: take the strictest of each rule. */
export function strictestPolicy(policies: PasswordPolicy[]): PasswordPolicy {
  if (policies.length === 0) return standardPolicy;
  return policies.reduce((a, b) => ({
    profile: a.profile === 'standard' || b.profile === 'standard' ? 'standard' : 'nist',
    minLength: Math.max(a.minLength, b.minLength),
    requireLower: a.requireLower || b.requireLower,
    requireUpper: a.requireUpper || b.requireUpper,
    requireDigit: a.requireDigit || b.requireDigit,
    requireSymbol: a.requireSymbol || b.requireSymbol,
    historyCount: Math.max(a.historyCount, b.historyCount),
  }));
}

export type PasswordRule = 'length' | 'lower' | 'upper' | 'digit' | 'symbol' | 'charset' | 'notUserName';
export type ServerPasswordRule = PasswordRule | 'notRecent' | 'notCommon';

export type RuleResult = { rule: ServerPasswordRule; ok: boolean; params?: Record<string, number> };

type Context = { email?: string; name?: string; hasMfa?: boolean };

const symbolSet = new Set(PASSWORD_SYMBOLS);
const isAllowedStandardChar = (c: string) => /[A-Za-z0-9]/.test(c) || symbolSet.has(c);

/** The user name parts a password must not contain: the e-mail local part and each name part of ≥3 characters. */
function forbiddenParts({ email, name }: Context): string[] {
  const parts: string[] = [];
  const local = email?.split('@')[0]?.trim();
  if (local && local.length >= 3) parts.push(local.toLowerCase());
  for (const p of (name ?? '').split(/[\s\u3000]+/)) if (p.length >= 3) parts.push(p.toLowerCase());
  return parts;
}

export function effectiveMinLength(policy: PasswordPolicy, hasMfa = false): number {
  return policy.profile === 'nist' && hasMfa
    ? Math.min(policy.minLength, NIST_MIN_LENGTH_WITH_MFA)
    : policy.minLength;
}

/** Every rule that applies under `policy`, each with whether `password` meets it. */
export function checkPasswordRules(
  password: string,
  policy: PasswordPolicy,
  context: Context = {},
): RuleResult[] {
  const chars = [...password];
  const min = effectiveMinLength(policy, context.hasMfa);
  const lower = password.toLowerCase();
  const results: RuleResult[] = [
    {
      rule: 'length',
      ok: chars.length >= min && chars.length <= PASSWORD_MAX_LENGTH,
      params: { min, max: PASSWORD_MAX_LENGTH },
    },
  ];
  if (policy.requireLower) results.push({ rule: 'lower', ok: /[a-z]/.test(password) });
  if (policy.requireUpper) results.push({ rule: 'upper', ok: /[A-Z]/.test(password) });
  if (policy.requireDigit) results.push({ rule: 'digit', ok: /[0-9]/.test(password) });
  if (policy.requireSymbol) results.push({ rule: 'symbol', ok: chars.some((c) => symbolSet.has(c)) });
  if (policy.profile === 'standard')
    results.push({ rule: 'charset', ok: chars.every(isAllowedStandardChar) });
  results.push({ rule: 'notUserName', ok: !forbiddenParts(context).some((p) => lower.includes(p)) });
  return results;
}
