import type { RouteObject } from 'react-router';
import { RequireUser } from '../../app/guards/RequireUser.js';
import { AccountPage } from '../../features/account/AccountPage.js';
import { DownloadPage } from '../../features/accountRequests/DownloadPage.js';
import { LoginPage } from '../../features/auth/LoginPage.js';
import { AcceptInvitationPage } from '../../features/invitations/AcceptInvitationPage.js';
import { MfaSetupPage } from '../../features/mfa/MfaSetupPage.js';
import { SelectOrganizationPage } from '../../features/organizations/SelectOrganizationPage.js';
import { ChangePasswordPage } from '../../features/passwords/ChangePasswordPage.js';
import { ForgotPasswordPage } from '../../features/passwords/ForgotPasswordPage.js';
import { ResetPasswordPage } from '../../features/passwords/ResetPasswordPage.js';
import { VerifyNotificationAddressPage } from '../../features/tenantSettings/VerifyNotificationAddressPage.js';
import { TermsPage } from '../../features/terms/TermsPage.js';

export const publicRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/password-reset', element: <ForgotPasswordPage /> },
  { path: '/password-reset/:token', element: <ResetPasswordPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  { path: '/downloads/:token', element: <DownloadPage /> },
  { path: '/notification-addresses/verify/:token', element: <VerifyNotificationAddressPage /> },
  {
    path: '/select',
    element: (
      <RequireUser>
        <SelectOrganizationPage />
      </RequireUser>
    ),
  },
  {
    path: '/account',
    element: (
      <RequireUser>
        <AccountPage />
      </RequireUser>
    ),
  },
  {
    path: '/password/change',
    element: (
      <RequireUser>
        <ChangePasswordPage />
      </RequireUser>
    ),
  },
  {
    path: '/mfa/setup',
    element: (
      <RequireUser>
        <MfaSetupPage />
      </RequireUser>
    ),
  },
  {
    path: '/terms',
    element: (
      <RequireUser>
        <TermsPage />
      </RequireUser>
    ),
  },
];
