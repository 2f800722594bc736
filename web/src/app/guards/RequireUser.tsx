import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useLoadedSession } from '../../api/session.js';
import { pendingPathFor } from '../portalPath.js';

/**
 * Logged-out visitors go to the login page and come back here afterwards. While the user has
 * pending steps (forced password change, new terms) every other page leads to the first one.
 */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useLoadedSession();
  const location = useLocation();
  if (!session.user) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?returnTo=${encodeURIComponent(back)}`} replace />;
  }
  const pending = pendingPathFor(session);
  if (pending && location.pathname !== pending) return <Navigate to={pending} replace />;
  return <>{children}</>;
}
