import { Navigate, type RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { OperatorAccountRequestsPage } from '../../features/accountRequests/OperatorAccountRequestsPage.js';
import { NotFoundContent } from '../../features/errors/NotFoundPage.js';
import { OperatorPolicyPage } from '../../features/passwordPolicy/OperatorPolicyPage.js';
import { TenantDetailPage } from '../../features/tenants/TenantDetailPage.js';
import { TenantListPage } from '../../features/tenants/TenantListPage.js';
import { TermsAdminPage } from '../../features/terms/TermsAdminPage.js';
import { UsersPage } from '../../features/users/UsersPage.js';
import { OperatorShell } from './OperatorShell.js';

export const operatorRoutes: RouteObject = {
  path: '/operator',
  element: (
    <RequirePortal kind="operator">
      <OperatorShell />
    </RequirePortal>
  ),
  children: [
    { index: true, element: <Navigate to="/operator/tenants" replace /> },
    { path: 'tenants', element: <TenantListPage /> },
    { path: 'tenants/:tenantId', element: <TenantDetailPage /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'terms', element: <TermsAdminPage /> },
    { path: 'password-policy', element: <OperatorPolicyPage /> },
    { path: 'account-requests', element: <OperatorAccountRequestsPage /> },
    { path: '*', element: <NotFoundContent /> },
  ],
};
