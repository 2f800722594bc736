import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { CustomerHomePage } from '../../features/customerHome/CustomerHomePage.js';
import { NotFoundContent } from '../../features/errors/NotFoundPage.js';
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
    { path: '*', element: <NotFoundContent /> },
  ],
};
