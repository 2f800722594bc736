import type { RouteObject } from 'react-router';
import { RequirePortal } from '../../app/guards/RequirePortal.js';
import { PartnerDashboardPage } from '../../features/dashboard/PartnerDashboardPage.js';
import { NotFoundContent } from '../../features/errors/NotFoundPage.js';
import { MailTemplateEditPage } from '../../features/mailTemplates/MailTemplateEditPage.js';
import { MailTemplateListPage } from '../../features/mailTemplates/MailTemplateListPage.js';
import { OrganizationSettingsPage } from '../../features/mfaPolicy/OrganizationSettingsPage.js';
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
    { path: 'settings', element: <OrganizationSettingsPage /> },
    { path: 'mail-templates', element: <MailTemplateListPage /> },
    { path: 'mail-templates/:templateKey', element: <MailTemplateEditPage /> },
    { path: '*', element: <NotFoundContent /> },
  ],
};
