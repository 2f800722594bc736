import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { queueSms } from '../../platform/sms/outbox.js';
import { consumeMatchingCode, insertCode } from './attempt-repository.js';
import { CODE_MINUTES, hashCode, newOtpCode } from './codes.js';
import { mfaCodeMail } from './mails.js';

type CodeInput = {
  purpose: 'login' | 'mobile';
  userId: string;
  loginAttemptId?: string;
  channel: 'mail' | 'sms';
  to: string;
  email: string;
  locale: Locale;
};

/** What a code is bound to: its login attempt, or the user's mobile check. */
export const codeBinding = (purpose: 'login' | 'mobile', userId: string, loginAttemptId?: string | null) =>
  purpose === 'login' ? `login:${loginAttemptId}` : `mobile:${userId}`;

/** Stores a new 6-digit code (hashed, valid 10 minutes) and queues it by mail or SMS. */
export async function sendCode(trx: Db, deps: AppDeps, input: CodeInput): Promise<void> {
  const code = newOtpCode();
  const now = deps.clock.now();
  await insertCode(trx, {
    purpose: input.purpose,
    user_id: input.userId,
    login_attempt_id: input.loginAttemptId ?? null,
    channel: input.channel,
    recipient: input.to,
    code_hash: hashCode(codeBinding(input.purpose, input.userId, input.loginAttemptId), code),
    created_at: now,
    expires_at: new Date(now.getTime() + CODE_MINUTES * 60_000),
  });
  const vars = { code, minutes: CODE_MINUTES };
  if (input.channel === 'mail')
    await queueMail(trx, deps, {
      to: input.to,
      locale: input.locale,
      template: mfaCodeMail,
      vars: { ...vars, email: input.email },
    });
  else
    await queueSms(trx, deps, {
      to: input.to,
      locale: input.locale,
      template: input.purpose === 'login' ? 'mfa-code' : 'mobile-verification',
      vars,
    });
}

/** Uses up a matching live code (single use, atomically); false when none matches. */
export async function takeCode(
  trx: Db,
  now: Date,
  input: {
    purpose: 'login' | 'mobile';
    userId: string;
    loginAttemptId?: string;
    channel: 'mail' | 'sms';
    code: string;
  },
): Promise<{ recipient: string } | null> {
  const { code, ...match } = input;
  const hash = hashCode(codeBinding(input.purpose, input.userId, input.loginAttemptId), code);
  return (await consumeMatchingCode(trx, now, { ...match, hash })) ?? null;
}
