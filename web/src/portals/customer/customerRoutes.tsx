import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { lazyPage } from '../../app/lazyPage.js';
import { notFoundContent, organizationSettingsPage, usersPage } from '../sharedPages.js';

// The portal's shell and every page are chunks of their own, fetched when first shown.
export const customerRoutes: RouteObject = {
  path: '/customer',
  element: (
    <RequirePortal kind="customer">
      {lazyPage(() => import('./CustomerShell.js'), 'CustomerShell', { fullPage: true })}
    </RequirePortal>
  ),
  children: [
    {
      index: true,
      element: lazyPage(() => import('../../features/customerHome/CustomerHomePage.js'), 'CustomerHomePage'),
    },
    { path: 'users', element: usersPage },
    { path: 'settings', element: organizationSettingsPage },
    {
      path: 'account-requests',
      element: lazyPage(
        () => import('../../features/accountRequests/AccountRequestsPage.js'),
        'AccountRequestsPage',
      ),
    },
    { path: '*', element: notFoundContent },
  ],
};
