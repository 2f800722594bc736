import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdPasskeySchema,
  passkeyIdParams,
  passkeyListSchema,
  registerPasskeyBody,
  webauthnOptionsSchema,
} from '../../../common/passkeys.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { loginCookieName } from '../mfa/attempts.js';
import { assertRecentReauth } from '../mfa/reauth.js';
import { finishPasskeyRegistration } from './finish-registration.js';
import { removePasskey } from './remove-passkey.js';
import { listPasskeys } from './repository.js';
import { passkeyLoginOptions } from './start-login-step.js';
import { startPasskeyRegistration } from './start-registration.js';

/**
 * The signed-in user's own passkeys (register, list, remove) and the options of the passkey
 * login step; its answer goes to POST /api/auth/mfa/verify `{ method: 'passkey', response }`.
 */
export const passkeyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  /** Usable while 2FA enrolment is pending, like the other own-factor routes. */
  const me = { access: 'signed-in' as const, allowPending: true };
  /** Registering needs the password re-entered in the last minutes (403 reauth_required); removing too. */
  const reauthed = (req: FastifyRequest) => assertRecentReauth(deps.db, deps.clock.now(), req.session!.id);

  app.post(
    '/api/me/passkeys/options',
    { config: me, schema: { tags: ['passkeys'], response: { 200: webauthnOptionsSchema } } },
    async (req) => {
      await reauthed(req);
      return {
        ...(await startPasskeyRegistration(deps, { user: requireUser(req), sessionId: req.session!.id })),
      };
    },
  );

  app.post(
    '/api/me/passkeys',
    {
      config: me,
      schema: {
        tags: ['passkeys'],
        body: registerPasskeyBody,
        response: { 201: createdPasskeySchema },
      },
    },
    async (req, reply) => {
      await reauthed(req);
      const created = await finishPasskeyRegistration(deps, {
        ...req.body,
        userId: requireUser(req).id,
        sessionId: req.session!.id,
        ip: req.ip,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/me/passkeys',
    {
      config: me,
      schema: { tags: ['passkeys'], response: { 200: passkeyListSchema } },
    },
    async (req) => {
      const rows = await listPasskeys(deps.db, requireUser(req).id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
          backedUp: r.backed_up,
        })),
      };
    },
  );

  app.post(
    '/api/auth/mfa/passkey/options',
    {
      config: {
        access: 'public',
        widenRowScope: 'sign-in',
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['passkeys'], response: { 200: webauthnOptionsSchema } },
    },
    async (req) => ({
      ...(await passkeyLoginOptions(deps, req.cookies[loginCookieName(deps.config.secureCookies)])),
    }),
  );

  app.delete(
    '/api/me/passkeys/:passkeyId',
    { config: me, schema: { tags: ['passkeys'], params: passkeyIdParams } },
    async (req, reply) => {
      await removePasskey(deps, {
        userId: requireUser(req).id,
        sessionId: req.session!.id,
        passkeyId: req.params.passkeyId,
        ip: req.ip,
      });
      return reply.status(204).send();
    },
  );
};
