import type { MfaRequiredView } from '../../../common/mfa.js';
import type { LoginBody } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { certificateCheck } from '../certificates/login-check.js';
import type { CertificateSource } from '../certificates/presented-certificate.js';
import { loginStepFor } from '../mfa/login-step.js';
import { startLoginAttempt } from '../mfa/start-login-attempt.js';
import { type OpenedSession, openSession } from './open-session.js';
import { recordFailedLogin } from './record-failed-login.js';
import { findUserByEmail, listMemberships } from './repository.js';

type SignInInput = LoginBody & {
  ip: string | null;
  userAgent: string | null;
  certificateSource?: CertificateSource;
};

export type SignInResult =
  | ({ status: 'signed_in' | 'mfa_enrolment_required' } & OpenedSession)
  | { status: 'mfa_required'; attemptToken: string; view: MfaRequiredView };

const invalid = () => new AppError(401, 'invalid_credentials');

/**
 * Checks e-mail and password (ID-1, ID-2). Every failure — unknown address, wrong password,
 * locked or disabled account, no active membership — gets the same answer. Then, when the user
 * needs a second factor, a login attempt instead of a session (ID-4); when 2FA is required but
 * no factor is held, a session limited to enrolment; otherwise the session (in the only
 * membership when there is one).
 */
export async function signIn(deps: AppDeps, input: SignInInput): Promise<SignInResult> {
  const { db, clock } = deps;
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) throw invalid();
  if (user.locked_until && user.locked_until > clock.now()) throw invalid();
  if (!passwordOk) {
    // Only an account that can sign in is counted: an invitee without a password or a disabled
    // account would otherwise be sent lockout notices for an account they cannot use.
    if (user.password_hash && user.status === 'active')
      await recordFailedLogin(deps, {
        userId: user.id,
        email: user.email,
        locale: user.locale,
        ip: input.ip,
      });
    throw invalid();
  }
  const memberships = await listMemberships(db, user.id);
  if (user.status !== 'active' || memberships.length === 0) throw invalid();
  // A client certificate is checked with the password; a verified one is the second factor.
  const step = (await certificateCheck(deps, input, user)).verified
    ? ({ kind: 'none' } as const)
    : await loginStepFor(db, user, clock.now());
  if (step.kind === 'mfa')
    return { status: 'mfa_required', ...(await startLoginAttempt(deps, user, step, input)) };
  const enrol = step.kind === 'enrol';
  return db.transaction().execute(async (trx) => {
    if (enrol !== user.mfa_enrolment_required)
      await trx
        .updateTable('users')
        .set({ mfa_enrolment_required: enrol })
        .where('id', '=', user.id)
        .execute();
    const session = await openSession(trx, deps, user, input);
    return { status: enrol ? 'mfa_enrolment_required' : 'signed_in', ...session };
  });
}
