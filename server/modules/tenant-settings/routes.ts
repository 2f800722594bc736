import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationFieldsBody,
  operatorTenantSettingsSchema,
  supportInfoSchema,
  supportPageBody,
  tenantSettingsBody,
  tenantSettingsSchema,
} from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { actorOf, partnerActor } from '../../platform/auth/actor.js';
import type { Access } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { findTenant } from '../tenants/repository.js';
import { operatorSettingsView, settingsRow, tenantSettingsView } from './repository.js';
import { saveApplicationFields, saveSupportPage } from './save-operator-settings.js';
import { saveTenantSettings } from './save-tenant-settings.js';

const partnerReaders: Access = { kind: 'partner' };
const partnerAdmins: Access = { kind: 'partner', roles: ['admin'] };
const operatorReaders: Access = { kind: 'operator', roles: ['operator_admin', 'support_agent'] };
const operatorAdmins: Access = { kind: 'operator', roles: ['operator_admin'] };
const tenantParams = z.strictObject({ tenantId: z.string().regex(/^\d{1,18}$/) });

/** テナント設定 (PP-4), サポート (PP-8) and the operator's part of both (OP-1). */
export const tenantSettingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/partner/tenant-settings',
    {
      config: { access: partnerReaders },
      schema: { tags: ['partner'], response: { 200: tenantSettingsSchema } },
    },
    async (req) => tenantSettingsView(deps.db, partnerActor(req).tenantId),
  );

  app.put(
    '/api/partner/tenant-settings',
    {
      config: { access: partnerAdmins },
      schema: { tags: ['partner'], body: tenantSettingsBody, response: { 200: tenantSettingsSchema } },
    },
    async (req) => {
      const actor = partnerActor(req);
      await saveTenantSettings(deps, actor, req.body);
      return tenantSettingsView(deps.db, actor.tenantId);
    },
  );

  app.get(
    '/api/partner/support',
    {
      config: { access: partnerReaders },
      schema: {
        tags: ['partner'],
        response: { 200: supportInfoSchema },
      },
    },
    async (req) => {
      const row = await settingsRow(deps.db, partnerActor(req).tenantId);
      return { manualsUrl: row.manuals_url, contactEmail: row.support_contact_email };
    },
  );

  app.get(
    '/api/operator/tenants/:tenantId/settings',
    {
      config: { access: operatorReaders, widenRowScope: 'operator console' },
      schema: { tags: ['operator'], params: tenantParams, response: { 200: operatorTenantSettingsSchema } },
    },
    async (req) => {
      const tenant = await findTenant(deps.db, req.params.tenantId);
      if (!tenant) throw notFound();
      return operatorSettingsView(deps.db, tenant.id);
    },
  );

  app.put(
    '/api/operator/tenants/:tenantId/application-fields',
    {
      config: { access: operatorAdmins, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: tenantParams,
        body: applicationFieldsBody,
        response: { 200: operatorTenantSettingsSchema },
      },
    },
    async (req) => {
      const tenant = await findTenant(deps.db, req.params.tenantId);
      if (!tenant) throw notFound();
      await saveApplicationFields(deps, actorOf(req), { tenantId: tenant.id, body: req.body });
      return operatorSettingsView(deps.db, tenant.id);
    },
  );

  app.put(
    '/api/operator/tenants/:tenantId/support-page',
    {
      config: { access: operatorAdmins, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: tenantParams,
        body: supportPageBody,
        response: { 200: operatorTenantSettingsSchema },
      },
    },
    async (req) => {
      const tenant = await findTenant(deps.db, req.params.tenantId);
      if (!tenant) throw notFound();
      await saveSupportPage(deps, actorOf(req), { tenantId: tenant.id, body: req.body });
      return operatorSettingsView(deps.db, tenant.id);
    },
  );
};
