import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { AccountRequestsPage } from '../../features/accountRequests/AccountRequestsPage.js';
import { CustomerHomePage } from '../../features/customerHome/CustomerHomePage.js';
import { NotFoundContent } from '../../features/errors/NotFoundPage.js';
import { OrganizationSettingsPage } from '../../features/mfaPolicy/OrganizationSettingsPage.js';
import { UsersPage } from '../../features/users/UsersPage.js';
import { CustomerShell } from './CustomerShell.js';

export const customerRoutes: RouteObject = {
  path: '/customer',
  element: (
    <RequirePortal kind="customer">
      <CustomerShell />
    </RequirePortal>
  ),
  children: [
    { index: true, element: <CustomerHomePage /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'settings', element: <OrganizationSettingsPage /> },
    { path: 'account-requests', element: <AccountRequestsPage /> },
    { path: '*', element: <NotFoundContent /> },
  ],
};
