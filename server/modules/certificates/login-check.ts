import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { recordFailedLogin } from '../identity/record-failed-login.js';
import { addressMatcher, type CertificateSource, presentedCertificate } from './presented-certificate.js';
import { certificateRuleOfUser } from './repository.js';
import { verifyPresented } from './verify-presented.js';

type LoginUser = { id: string; email: string; locale: 'ja' | 'en' };

/**
 * Whether a user must present a client certificate to sign in (`004 §2-2`): their method is
 * 'certificate', or an organisation where they are an active admin requires certificates for
 * its admins.
 */
export async function certificateRequired(deps: AppDeps, userId: string): Promise<boolean> {
  const row = await certificateRuleOfUser(deps.db, userId);
  return row?.mfa_method === 'certificate' || row?.adminRule === true;
}

const matchers = new WeakMap<string[], (address: string | undefined) => boolean>();

/**
 * The certificate step of sign-in, after the password was found correct. A valid, unrevoked
 * certificate the portal issued to this user → its id (the session opened by this sign-in
 * carries it; whether it also counts as the second factor is the MFA policy's call, see
 * `loginStepFor`). When a certificate is required and the request has none that qualifies — none at
 * all, malformed, forged header, foreign, expired, revoked, another user's — the attempt is
 * counted like a wrong password and refused with the same generic 401; nothing else changes.
 * `certificateSource` is the HTTP request (its TLS socket, or the trusted proxy's headers).
 */
export async function certificateCheck(
  deps: AppDeps,
  req: { ip: string | null; certificateSource?: CertificateSource },
  user: LoginUser,
  /** Whether a certificate is required, when the caller has read the rule already (the sign-in). */
  known?: { required: boolean },
): Promise<{ certificateId: string | null }> {
  const proxies = deps.config.certificates.trustedProxies;
  let trusted = matchers.get(proxies);
  if (!trusted) {
    trusted = addressMatcher(proxies);
    matchers.set(proxies, trusted);
  }
  const presented = req.certificateSource
    ? presentedCertificate(req.certificateSource, trusted)
    : ({ kind: 'none' } as const);
  const required = known?.required ?? (await certificateRequired(deps, user.id));
  if (presented.kind === 'none' && !required) return { certificateId: null };
  const result = await verifyPresented(deps, presented).catch((err: unknown) => {
    // No CA (no encryption key configured): nothing can be verified.
    if (err instanceof AppError) return { ok: false as const, reason: 'untrusted' as const };
    throw err;
  });
  if (result.ok && result.userId === user.id) return { certificateId: result.certificateId };
  if (!required) return { certificateId: null };
  deps.log.warn(
    { userId: user.id, reason: result.ok ? 'other_user' : result.reason, ip: req.ip },
    'sign-in refused: no valid client certificate',
  );
  await recordFailedLogin(deps, { userId: user.id, email: user.email, locale: user.locale, ip: req.ip });
  throw new AppError(401, 'invalid_credentials');
}
