import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { lazyPage } from '../../app/lazyPage.js';
import { notFoundContent, organizationSettingsPage, usersPage } from '../sharedPages.js';

// The portal's shell and every page are chunks of their own, fetched when first shown.
export const partnerRoutes: RouteObject = {
  path: '/partner',
  element: (
    <RequirePortal kind="partner">
      {lazyPage(() => import('./PartnerShell.js'), 'PartnerShell', { fullPage: true })}
    </RequirePortal>
  ),
  children: [
    {
      index: true,
      element: lazyPage(
        () => import('../../features/dashboard/PartnerDashboardPage.js'),
        'PartnerDashboardPage',
      ),
    },
    { path: 'users', element: usersPage },
    {
      path: 'customers',
      element: lazyPage(() => import('../../features/customers/CustomerListPage.js'), 'CustomerListPage'),
    },
    {
      path: 'customers/new',
      element: lazyPage(() => import('../../features/customers/CustomerCreatePage.js'), 'CustomerCreatePage'),
    },
    {
      path: 'customers/:customerId',
      element: lazyPage(() => import('../../features/customers/CustomerDetailPage.js'), 'CustomerDetailPage'),
    },
    {
      path: 'customers/:customerId/edit',
      element: lazyPage(() => import('../../features/customers/CustomerEditPage.js'), 'CustomerEditPage'),
    },
    {
      path: 'customers/:customerId/users/new',
      element: lazyPage(
        () => import('../../features/customers/CustomerUserCreatePage.js'),
        'CustomerUserCreatePage',
      ),
    },
    {
      path: 'customers/:customerId/users/:userId/edit',
      element: lazyPage(
        () => import('../../features/customers/CustomerUserEditPage.js'),
        'CustomerUserEditPage',
      ),
    },
    {
      path: 'customers/:customerId/users/:userId/delete',
      element: lazyPage(
        () => import('../../features/customers/CustomerUserDeletePage.js'),
        'CustomerUserDeletePage',
      ),
    },
    { path: 'settings', element: organizationSettingsPage },
    {
      path: 'tenant-settings',
      element: lazyPage(
        () => import('../../features/tenantSettings/TenantSettingsPage.js'),
        'TenantSettingsPage',
      ),
    },
    {
      path: 'notification-addresses',
      element: lazyPage(
        () => import('../../features/tenantSettings/NotificationAddressesPage.js'),
        'NotificationAddressesPage',
      ),
    },
    {
      path: 'support',
      element: lazyPage(() => import('../../features/tenantSettings/SupportPage.js'), 'SupportPage'),
    },
    {
      path: 'mail-templates',
      element: lazyPage(
        () => import('../../features/mailTemplates/MailTemplateListPage.js'),
        'MailTemplateListPage',
      ),
    },
    {
      path: 'mail-templates/:templateKey',
      element: lazyPage(
        () => import('../../features/mailTemplates/MailTemplateEditPage.js'),
        'MailTemplateEditPage',
      ),
    },
    { path: '*', element: notFoundContent },
  ],
};
