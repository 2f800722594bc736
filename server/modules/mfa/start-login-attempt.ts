import type { MfaRequiredView } from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { findAttempt } from './attempt-repository.js';
import { createAttempt } from './attempts.js';
import type { LoginStep } from './login-step.js';
import { maskEmail, maskMobile } from './masks.js';
import { sendLoginCode } from './send-login-code.js';

/**
 * After a correct password, when a second factor is needed: no session yet, a login attempt
 * (10 minutes) whose token goes into the mg_login cookie. When the preferred method is mail or
 * SMS its first code is sent at once.
 */
export async function startLoginAttempt(
  deps: AppDeps,
  user: { id: string; email: string },
  step: Extract<LoginStep, { kind: 'mfa' }>,
  input: { ip: string | null; userAgent: string | null; certificateId: string | null },
): Promise<{ attemptToken: string; view: MfaRequiredView }> {
  return deps.db.transaction().execute(async (trx) => {
    const { id, token } = await createAttempt(trx, deps.clock, {
      userId: user.id,
      methods: step.methods,
      ip: input.ip,
      userAgent: input.userAgent,
      certificateId: input.certificateId,
    });
    if (step.preferred === 'mail' || step.preferred === 'sms') {
      const attempt = await findAttempt(trx, id);
      await sendLoginCode(trx, deps, attempt, step.preferred);
    }
    const view: MfaRequiredView = {
      status: 'mfa_required',
      methods: step.methods,
      preferred: step.preferred,
    };
    if (step.methods.includes('mail')) view.maskedEmail = maskEmail(user.email);
    if (step.methods.includes('sms') && step.verifiedMobile)
      view.maskedMobile = maskMobile(step.verifiedMobile);
    return { attemptToken: token, view };
  });
}
