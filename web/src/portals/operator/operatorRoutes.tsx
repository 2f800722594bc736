import { Navigate, type RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { lazyPage } from '../../app/lazyPage.js';
import { notFoundContent, usersPage } from '../sharedPages.js';

// The portal's shell and every page are chunks of their own, fetched when first shown.
export const operatorRoutes: RouteObject = {
  path: '/operator',
  element: (
    <RequirePortal kind="operator">
      {lazyPage(() => import('./OperatorShell.js'), 'OperatorShell', { fullPage: true })}
    </RequirePortal>
  ),
  children: [
    { index: true, element: <Navigate to="/operator/tenants" replace /> },
    {
      path: 'tenants',
      element: lazyPage(() => import('../../features/tenants/TenantListPage.js'), 'TenantListPage'),
    },
    {
      path: 'tenants/:tenantId',
      element: lazyPage(() => import('../../features/tenants/TenantDetailPage.js'), 'TenantDetailPage'),
    },
    { path: 'users', element: usersPage },
    {
      path: 'terms',
      element: lazyPage(() => import('../../features/terms/TermsAdminPage.js'), 'TermsAdminPage'),
    },
    {
      path: 'password-policy',
      element: lazyPage(
        () => import('../../features/passwordPolicy/OperatorPolicyPage.js'),
        'OperatorPolicyPage',
      ),
    },
    {
      path: 'account-requests',
      element: lazyPage(
        () => import('../../features/accountRequests/OperatorAccountRequestsPage.js'),
        'OperatorAccountRequestsPage',
      ),
    },
    { path: '*', element: notFoundContent },
  ],
};
