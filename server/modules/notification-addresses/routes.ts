import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationAddressesBody,
  notificationAddressesSchema,
  savedNotificationAddressesSchema,
  verificationInfoSchema,
  verifiedAddressSchema,
} from '../../../common/tenant-settings.js';
import type { AppDeps } from '../../deps.js';
import { partnerActor } from '../../platform/auth/actor.js';
import { requireUser } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { notificationAddressesView } from './repository.js';
import { saveNotificationAddresses } from './save-addresses.js';
import { confirmVerification, showVerification } from './verify-address.js';

const readers: Access = { kind: 'partner' };
const admins: Access = { kind: 'partner', roles: ['admin'] };
const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** 通知先メールアドレス (PP-6): the tenant's up to three addresses and their verification links. */
export const notificationAddressRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/partner/notification-addresses',
    {
      config: { access: readers },
      schema: { tags: ['partner'], response: { 200: notificationAddressesSchema } },
    },
    async (req) => notificationAddressesView(deps.db, partnerActor(req).tenantId),
  );

  app.put(
    '/api/partner/notification-addresses',
    {
      config: { access: admins },
      schema: {
        tags: ['partner'],
        body: notificationAddressesBody,
        response: { 200: savedNotificationAddressesSchema },
      },
    },
    async (req) => {
      const actor = partnerActor(req);
      const { verificationSentTo } = await saveNotificationAddresses(deps, actor, {
        user: requireUser(req),
        body: req.body,
      });
      return { ...(await notificationAddressesView(deps.db, actor.tenantId)), verificationSentTo };
    },
  );

  // The link of 登録メールアドレスの確認: the unguessable token is the credential (GET shows, POST confirms).
  app.get(
    '/api/notification-addresses/verify/:token',
    {
      config: {
        access: 'public',
        widenRowScope: 'notification address link',
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['notification-addresses'],
        params: tokenParams,
        response: { 200: verificationInfoSchema },
      },
    },
    async (req) => showVerification(deps, req.params.token),
  );

  app.post(
    '/api/notification-addresses/verify/:token',
    {
      config: {
        access: 'public',
        widenRowScope: 'notification address link',
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['notification-addresses'],
        params: tokenParams,
        response: { 200: verifiedAddressSchema },
      },
    },
    async (req) => confirmVerification(deps, { token: req.params.token, ip: req.ip }),
  );
};
