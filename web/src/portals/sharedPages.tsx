import { lazyPage } from '../app/lazyPage.js';

// Pages that more than one portal shows, each one chunk whichever portal asks for it first.
export const usersPage = lazyPage(() => import('../features/users/UsersPage.js'), 'UsersPage');
export const organizationSettingsPage = lazyPage(
  () => import('../features/mfaPolicy/OrganizationSettingsPage.js'),
  'OrganizationSettingsPage',
);
export const notFoundContent = lazyPage(
  () => import('../features/errors/NotFoundPage.js'),
  'NotFoundContent',
);
