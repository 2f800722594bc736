import type { LoginStepMethod, MfaMethod } from '../../../../common/mfa.js';

/** The methods offered as choices (the recovery code is a link below them). */
export function choiceMethods(methods: readonly LoginStepMethod[]): LoginStepMethod[] {
  return methods.filter((m) => m !== 'recovery');
}

/** The user's preferred method when offered, else the first choice (a recovery code as the last resort). */
export function initialMethod(
  methods: readonly LoginStepMethod[],
  preferred: MfaMethod | null,
): LoginStepMethod {
  const choices = choiceMethods(methods);
  const wanted = choices.find((m) => m === preferred);
  return wanted ?? choices[0] ?? 'recovery';
}

/** Mail and SMS codes are sent by the portal: the preferred one is already on its way at login. */
export function isSentMethod(method: LoginStepMethod): method is 'mail' | 'sms' {
  return method === 'mail' || method === 'sms';
}
