import type { RouteObject } from 'react-router';
import { RequireUser } from '../../app/guards/RequireUser.js';
import { LoginPage } from '../../features/auth/LoginPage.js';
import { AcceptInvitationPage } from '../../features/invitations/AcceptInvitationPage.js';
import { SelectOrganizationPage } from '../../features/organizations/SelectOrganizationPage.js';

export const publicRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/select',
    element: (
      <RequireUser>
        <SelectOrganizationPage />
      </RequireUser>
    ),
  },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
];
