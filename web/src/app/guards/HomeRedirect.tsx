import { Navigate } from 'react-router';
import { useLoadedSession } from '../../api/session.js';
import { homePathFor } from '../portalPath.js';

export function HomeRedirect() {
  const session = useLoadedSession();
  return <Navigate to={homePathFor(session)} replace />;
}
