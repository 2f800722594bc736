import type { OrganizationKind } from '../../../common/roles.js';
import type { SessionView } from '../api/session.js';

export const portalRoot: Record<OrganizationKind, string> = {
  operator: '/operator',
  partner: '/partner',
  customer: '/customer',
};

/** The page of the first step the user must take before any portal (null when none). */
export function pendingPathFor(session: SessionView | undefined): string | null {
  const first = session?.pendingActions?.[0];
  if (first === 'changePassword') return '/password/change';
  if (first === 'acceptTerms') return '/terms';
  if (first === 'enrolMfa') return '/mfa/setup';
  return null;
}

/** Where a session belongs: login when logged out, a pending step, its portal, or the organisation choice. */
export function homePathFor(session: SessionView | undefined): string {
  if (!session?.user) return '/login';
  const pending = pendingPathFor(session);
  if (pending) return pending;
  if (session.current) return portalRoot[session.current.kind];
  return '/select';
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login') || value.startsWith('/api') || value.startsWith('/mailbox')) return null;
  return value;
}

/** Whether a path after login fits the session's portal (else the portal's home is used). */
export function returnPathFits(session: SessionView, path: string): boolean {
  if (!session.current || pendingPathFor(session)) return false;
  const root = portalRoot[session.current.kind];
  return path === root || path.startsWith(`${root}/`);
}
