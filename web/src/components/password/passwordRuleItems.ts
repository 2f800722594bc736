import { translate } from '../../../../common/messages.js';
import {
  checkPasswordRules,
  type PasswordPolicy,
  type ServerPasswordRule,
} from '../../../../common/password-policy.js';
import type { Locale } from '../../../../common/roles.js';

export type RuleState = 'ok' | 'failed' | 'pending';
export type RuleItem = { rule: ServerPasswordRule; text: string; state: RuleState };

export type RuleContext = { email?: string | null; name?: string | null; hasMfa?: boolean };

/**
 * The checklist's lines: every rule the browser can check (✓/✗ as the user types), then the
 * two only the server knows (recent passwords, common passwords), failed when the server's
 * field errors name them.
 */
export function passwordRuleItems(
  password: string,
  policy: PasswordPolicy,
  context: RuleContext,
  locale: Locale,
  serverErrors: readonly string[] = [],
): RuleItem[] {
  const typed = password.length > 0;
  const local = checkPasswordRules(password, policy, {
    email: context.email ?? undefined,
    name: context.name ?? undefined,
    hasMfa: context.hasMfa,
  }).map(
    (r): RuleItem => ({
      rule: r.rule,
      text: translate(locale, `passwordRule.${r.rule}`, r.params),
      state: !typed ? 'pending' : r.ok ? 'ok' : 'failed',
    }),
  );
  const serverOnly: Array<[ServerPasswordRule, Record<string, number> | undefined]> = [
    ['notCommon', undefined],
  ];
  if (policy.historyCount > 0) serverOnly.unshift(['notRecent', { count: policy.historyCount }]);
  const remote = serverOnly.map(([rule, params]): RuleItem => {
    const text = translate(locale, `passwordRule.${rule}`, params);
    return { rule, text, state: serverErrors.includes(text) ? 'failed' : 'pending' };
  });
  return [...local, ...remote];
}
