import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { OrganizationKind } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { homePathFor } from '../portalPath.js';
import { RequireUser } from './RequireUser.js';

/** A portal is open only while the current organisation is of its kind. */
export function RequirePortal({ kind, children }: { kind: OrganizationKind; children: ReactNode }) {
  const session = useLoadedSession();
  if (session.user && session.current?.kind !== kind) return <Navigate to={homePathFor(session)} replace />;
  return <RequireUser>{children}</RequireUser>;
}
