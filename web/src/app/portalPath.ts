import type { OrganizationKind } from '../../../common/roles.js';
import type { Session } from '../api/types.js';

export const portalRoot: Record<OrganizationKind, string> = {
  operator: '/operator',
  partner: '/partner',
  customer: '/customer',
};

/** Where a session belongs: login when logged out, its portal, or the organisation choice. */
export function homePathFor(session: Session | undefined): string {
  if (!session?.user) return '/login';
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
export function returnPathFits(session: Session, path: string): boolean {
  if (!session.current) return false;
  const root = portalRoot[session.current.kind];
  return path === root || path.startsWith(`${root}/`);
}
