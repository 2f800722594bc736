import type { MfaVerifyBody } from '../../../../common/mfa.js';
import type { AppDeps } from '../../../deps.js';

/** The login attempt a verifier checks a second factor for. */
export type VerifierAttempt = { id: string; userId: string };

/**
 * Checks one login-step answer. Runs inside the attempt's transaction (`deps.db` is it); true
 * only for a correct, unused answer of this user and attempt. False is answered generically.
 */
export type Verifier<M extends MfaVerifyBody['method']> = (
  deps: AppDeps,
  attempt: VerifierAttempt,
  body: Extract<MfaVerifyBody, { method: M }>,
) => Promise<boolean>;

export type VerifierMap = { [M in MfaVerifyBody['method']]: Verifier<M> };
