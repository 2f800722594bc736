import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useLoadedSession } from '../../api/session.js';

/** Logged-out visitors go to the login page and come back here afterwards. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useLoadedSession();
  const location = useLocation();
  if (!session.user) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?returnTo=${encodeURIComponent(back)}`} replace />;
  }
  return <>{children}</>;
}
