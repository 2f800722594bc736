import { createBrowserRouter } from 'react-router';
import { customerRoutes } from '../portals/customer/customerRoutes.js';
import { operatorRoutes } from '../portals/operator/operatorRoutes.js';
import { partnerRoutes } from '../portals/partner/partnerRoutes.js';
import { publicRoutes } from '../portals/public/publicRoutes.js';
import { HomeRedirect } from './guards/HomeRedirect.js';
import { lazyPage } from './lazyPage.js';

export const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  ...publicRoutes,
  operatorRoutes,
  partnerRoutes,
  customerRoutes,
  {
    path: '*',
    element: lazyPage(() => import('../features/errors/NotFoundPage.js'), 'NotFoundPage', { fullPage: true }),
  },
]);
