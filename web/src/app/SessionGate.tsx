import type { ReactNode } from 'react';
import { useSession } from '../api/session.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';

/** Loads the session first (which also sets the CSRF cookie) before showing any page. */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading fullPage />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} fullPage />;
  return <>{children}</>;
}
