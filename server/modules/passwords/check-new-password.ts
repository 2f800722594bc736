import { translate } from '../../../common/messages.js';
import { checkPasswordRules, type RuleResult } from '../../../common/password-policy.js';
import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import { isCommonPassword } from '../../platform/common-passwords.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { currentPasswordHash, recentPasswordHashes } from './password-repository.js';
import { passwordPolicyFor } from './policy-repository.js';

type CheckInput = {
  password: string;
  email: string;
  name: string;
  organizationIds: string[];
  /** Set for an existing user: their current and recent passwords are refused. */
  userId?: string;
  hasMfa?: boolean;
  locale: Locale;
  /** The body field the password came in, for the error's field name. */
  field?: string;
};

/** Every rule of the policy plus history and the common-password list, as the browser shows them. */
export async function evaluateNewPassword(db: Db, input: CheckInput): Promise<RuleResult[]> {
  const policy = await passwordPolicyFor(db, input.organizationIds);
  const results = checkPasswordRules(input.password, policy, input);
  if (policy.historyCount > 0 && input.userId) {
    const recent = await recentPasswordHashes(db, input.userId, policy.historyCount);
    // Accounts created before the history existed have only their current hash: it counts as the latest.
    const current = await currentPasswordHash(db, input.userId);
    const hashes = new Set(recent);
    if (current) hashes.add(current);
    let reused = false;
    for (const h of hashes) if (!reused && (await verifyPassword(h, input.password))) reused = true;
    results.push({ rule: 'notRecent', ok: !reused, params: { count: policy.historyCount } });
  }
  results.push({ rule: 'notCommon', ok: !isCommonPassword(input.password) });
  return results;
}

/** Refuses a new password that breaks any rule, naming each broken rule in the user's language. */
export async function assertAcceptablePassword(db: Db, input: CheckInput): Promise<void> {
  const failed = (await evaluateNewPassword(db, input)).filter((r) => !r.ok);
  if (failed.length === 0) return;
  const messages = failed.map((r) => translate(input.locale, `passwordRule.${r.rule}`, r.params));
  throw new AppError(400, 'validation', {
    [input.field ?? 'password']: [translate(input.locale, 'validation.passwordRules'), ...messages],
  });
}
