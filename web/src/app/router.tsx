import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../features/errors/NotFoundPage.js';
import { customerRoutes } from '../portals/customer/customerRoutes.js';
import { operatorRoutes } from '../portals/operator/operatorRoutes.js';
import { partnerRoutes } from '../portals/partner/partnerRoutes.js';
import { publicRoutes } from '../portals/public/publicRoutes.js';
import { HomeRedirect } from './guards/HomeRedirect.js';

export const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  ...publicRoutes,
  operatorRoutes,
  partnerRoutes,
  customerRoutes,
  { path: '*', element: <NotFoundPage /> },
]);
