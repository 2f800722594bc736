import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { CustomerCreatePage } from '../../features/customers/CustomerCreatePage.js';
import { CustomerDetailPage } from '../../features/customers/CustomerDetailPage.js';
import { CustomerEditPage } from '../../features/customers/CustomerEditPage.js';
import { CustomerListPage } from '../../features/customers/CustomerListPage.js';
import { CustomerUserCreatePage } from '../../features/customers/CustomerUserCreatePage.js';
import { CustomerUserDeletePage } from '../../features/customers/CustomerUserDeletePage.js';
import { CustomerUserEditPage } from '../../features/customers/CustomerUserEditPage.js';
import { PartnerDashboardPage } from '../../features/dashboard/PartnerDashboardPage.js';
import { NotFoundContent } from '../../features/errors/NotFoundPage.js';
import { MailTemplateEditPage } from '../../features/mailTemplates/MailTemplateEditPage.js';
import { MailTemplateListPage } from '../../features/mailTemplates/MailTemplateListPage.js';
import { OrganizationSettingsPage } from '../../features/mfaPolicy/OrganizationSettingsPage.js';
import { NotificationAddressesPage } from '../../features/tenantSettings/NotificationAddressesPage.js';
import { SupportPage } from '../../features/tenantSettings/SupportPage.js';
import { TenantSettingsPage } from '../../features/tenantSettings/TenantSettingsPage.js';
import { UsersPage } from '../../features/users/UsersPage.js';
import { PartnerShell } from './PartnerShell.js';

export const partnerRoutes: RouteObject = {
  path: '/partner',
  element: (
    <RequirePortal kind="partner">
      <PartnerShell />
    </RequirePortal>
  ),
  children: [
    { index: true, element: <PartnerDashboardPage /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'customers', element: <CustomerListPage /> },
    { path: 'customers/new', element: <CustomerCreatePage /> },
    { path: 'customers/:customerId', element: <CustomerDetailPage /> },
    { path: 'customers/:customerId/edit', element: <CustomerEditPage /> },
    { path: 'customers/:customerId/users/new', element: <CustomerUserCreatePage /> },
    { path: 'customers/:customerId/users/:userId/edit', element: <CustomerUserEditPage /> },
    { path: 'customers/:customerId/users/:userId/delete', element: <CustomerUserDeletePage /> },
    { path: 'settings', element: <OrganizationSettingsPage /> },
    { path: 'tenant-settings', element: <TenantSettingsPage /> },
    { path: 'notification-addresses', element: <NotificationAddressesPage /> },
    { path: 'support', element: <SupportPage /> },
    { path: 'mail-templates', element: <MailTemplateListPage /> },
    { path: 'mail-templates/:templateKey', element: <MailTemplateEditPage /> },
    { path: '*', element: <NotFoundContent /> },
  ],
};
