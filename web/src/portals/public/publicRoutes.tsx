import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { RequireUser } from '../../app/guards/RequireUser.js';
import { lazyPage } from '../../app/lazyPage.js';

const signedIn = (element: ReactElement): ReactElement => <RequireUser>{element}</RequireUser>;
const fullPage = { fullPage: true };

// Every page is a chunk of its own, fetched when first shown (the sign-in page pulls in no portal).
export const publicRoutes: RouteObject[] = [
  {
    path: '/login',
    element: lazyPage(() => import('../../features/auth/LoginPage.js'), 'LoginPage', fullPage),
  },
  {
    path: '/password-reset',
    element: lazyPage(
      () => import('../../features/passwords/ForgotPasswordPage.js'),
      'ForgotPasswordPage',
      fullPage,
    ),
  },
  {
    path: '/password-reset/:token',
    element: lazyPage(
      () => import('../../features/passwords/ResetPasswordPage.js'),
      'ResetPasswordPage',
      fullPage,
    ),
  },
  {
    path: '/invitations/:token',
    element: lazyPage(
      () => import('../../features/invitations/AcceptInvitationPage.js'),
      'AcceptInvitationPage',
      fullPage,
    ),
  },
  {
    path: '/downloads/:token',
    element: lazyPage(
      () => import('../../features/accountRequests/DownloadPage.js'),
      'DownloadPage',
      fullPage,
    ),
  },
  {
    path: '/notification-addresses/verify/:token',
    element: lazyPage(
      () => import('../../features/tenantSettings/VerifyNotificationAddressPage.js'),
      'VerifyNotificationAddressPage',
      fullPage,
    ),
  },
  {
    path: '/select',
    element: signedIn(
      lazyPage(
        () => import('../../features/organizations/SelectOrganizationPage.js'),
        'SelectOrganizationPage',
        fullPage,
      ),
    ),
  },
  {
    path: '/account',
    element: signedIn(
      lazyPage(() => import('../../features/account/AccountPage.js'), 'AccountPage', fullPage),
    ),
  },
  {
    path: '/password/change',
    element: signedIn(
      lazyPage(
        () => import('../../features/passwords/ChangePasswordPage.js'),
        'ChangePasswordPage',
        fullPage,
      ),
    ),
  },
  {
    path: '/mfa/setup',
    element: signedIn(lazyPage(() => import('../../features/mfa/MfaSetupPage.js'), 'MfaSetupPage', fullPage)),
  },
  {
    path: '/terms',
    element: signedIn(lazyPage(() => import('../../features/terms/TermsPage.js'), 'TermsPage', fullPage)),
  },
];
