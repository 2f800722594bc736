import type { MfaRequiredView } from '../../../common/mfa.js';
import { isAdminRole } from '../../../common/roles.js';
import type { LoginBody } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { type PendingAction, pendingFrom } from '../../platform/auth/pending-actions.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { certificateCheck } from '../certificates/login-check.js';
import type { CertificateSource } from '../certificates/presented-certificate.js';
import { loginStepFor } from '../mfa/login-step.js';
import { strictestMfaPolicy } from '../mfa/policy.js';
import { startLoginAttempt } from '../mfa/start-login-attempt.js';
import { type OpenedSession, openSession } from './open-session.js';
import { recordFailedLogin } from './record-failed-login.js';
import { findUserByEmail } from './repository.js';

type SignInInput = LoginBody & {
  ip: string | null;
  userAgent: string | null;
  certificateSource?: CertificateSource;
};

export type SignInResult =
  | ({ status: 'signed_in' | 'mfa_enrolment_required'; pending: PendingAction[] } & OpenedSession)
  | { status: 'mfa_required'; attemptToken: string; view: MfaRequiredView };

const invalid = () => new AppError(401, 'invalid_credentials');
/** An id no user has (ids start at 1): the counting statements run, and change nothing. */
const NO_USER = '0';

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
  const locked = !!user?.locked_until && user.locked_until > clock.now();
  if (!user || locked || !passwordOk) {
    // Every refusal here does the work of a counted wrong password — one argon2 verification (a
    // decoy hash without an account or password), the policy read and the counting UPDATE — so the
    // time of the answer does not tell an unknown address, an invitee or a locked account from a
    // wrong password. Only an account that can sign in is counted (the UPDATE skips a locked one):
    // an invitee or a disabled account would otherwise get lockout notices for an account they
    // cannot use; for them and for an unknown address the UPDATE matches no row.
    const counted = user?.password_hash && user.status === 'active';
    await recordFailedLogin(deps, {
      userId: counted ? user.id : NO_USER,
      email: user?.email ?? input.email,
      locale: user?.locale ?? 'ja',
      ip: input.ip,
    });
    throw invalid();
  }
  // Read with the user: the memberships with their organisations' MFA policies.
  const rows = user.memberships;
  const memberships = rows.map(({ require_mfa, allowed_methods, require_certificate_for_admins, ...m }) => m);
  if (user.status !== 'active' || memberships.length === 0) throw invalid();
  const adminRule = rows.some((r) => isAdminRole(r.role) && r.require_certificate_for_admins === true);
  // A client certificate is checked with the password; a verified one is the second factor
  // where the user's MFA policy allows the certificate method, and the session remembers it.
  const { certificateId } = await certificateCheck(deps, input, user, {
    required: user.mfa_method === 'certificate' || adminRule,
  });
  const step = await loginStepFor(db, user, clock.now(), {
    certificateVerified: certificateId !== null,
    policy: strictestMfaPolicy(rows),
  });
  const opened = { ...input, certificateId, memberships };
  if (step.kind === 'mfa')
    return { status: 'mfa_required', ...(await startLoginAttempt(deps, user, step, opened)) };
  const enrol = step.kind === 'enrol';
  const pending = pendingFrom({ ...user, mfa_enrolment_required: enrol });
  // One statement, committed on its own without waiting for the disk (see recordSignIn).
  const session = await openSession(db, deps, user, {
    ...opened,
    ...(enrol === user.mfa_enrolment_required ? {} : { mfaEnrolmentRequired: enrol }),
    relaxedCommit: true,
  });
  return { status: enrol ? 'mfa_enrolment_required' : 'signed_in', ...session, pending };
}
