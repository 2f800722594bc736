import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { crossTenantResultSchema, crossTenantSearchQuery } from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { searchCustomersAcrossTenants } from './search-customers.js';

/**
 * テナント横断検索 (PP-1): on the tenant selection page, so it needs a signed-in user but no
 * chosen organisation; it only ever looks into the user's own partner tenants.
 */
export const tenantSearchRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/partner/cross-tenant-search',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['partner'],
        querystring: crossTenantSearchQuery,
        response: { 200: crossTenantResultSchema },
      },
    },
    async (req) => searchCustomersAcrossTenants(deps, requireUser(req).id, req.query),
  );
};
