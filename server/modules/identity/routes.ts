import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localeBody, loginBody, selectOrganizationBody } from '../../../common/schemas.js';
import { loginResponseSchema, membershipListSchema, sessionSchema } from '../../../common/session.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { revokeSession } from '../../platform/auth/session-store.js';
import { loginCookieName, loginCookieOptions } from '../mfa/attempts.js';
import { presentSession, presentSignedIn } from './present-session.js';
import { listMemberships, setUserLocale } from './repository.js';
import { membershipListQuery } from './schemas.js';
import { selectOrganization } from './select-organization.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { signIn } from './sign-in.js';

/** Sign-in, sign-out, the session view, organisation choice and the user's language. */
export const identityRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/session',
    { config: { access: 'public' }, schema: { tags: ['identity'], response: { 200: sessionSchema } } },
    async (req) => presentSession(deps.db, req),
  );

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        widenRowScope: 'sign-in',
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['identity'], body: loginBody, response: { 200: loginResponseSchema } },
    },
    async (req, reply) => {
      const result = await signIn(deps, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        certificateSource: req,
      });
      // A fresh session id at every login; a session the browser already had ends (no fixation).
      if (req.session) await revokeSession(deps.db, deps.clock, req.session.id);
      if (result.status === 'mfa_required') {
        reply.setCookie(
          loginCookieName(deps.config.secureCookies),
          result.attemptToken,
          loginCookieOptions(deps),
        );
        return result.view;
      }
      setSessionCookie(reply, deps, result.token);
      return { status: result.status, ...(await presentSignedIn(deps.db, result)) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['identity'] } },
    async (req, reply) => {
      if (req.session) await revokeSession(deps.db, deps.clock, req.session.id);
      clearSessionCookie(reply, deps);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/session/organization',
    {
      config: { access: 'signed-in', allowPending: true },
      schema: { tags: ['identity'], body: selectOrganizationBody, response: { 200: sessionSchema } },
    },
    async (req) => {
      const user = requireUser(req);
      const membershipId = await selectOrganization(deps, {
        userId: user.id,
        sessionId: req.session!.id,
        organizationId: req.body.organizationId,
      });
      return presentSession(deps.db, req, membershipId);
    },
  );

  app.get(
    '/api/memberships',
    {
      config: { access: 'signed-in', allowPending: true },
      schema: {
        tags: ['identity'],
        querystring: membershipListQuery,
        response: { 200: membershipListSchema },
      },
    },
    async (req) => {
      const rows = await listMemberships(deps.db, requireUser(req).id, req.query);
      return { items: rows.map(({ membershipId: _, ...m }) => m) };
    },
  );

  app.put(
    '/api/me/locale',
    { config: { access: 'signed-in', allowPending: true }, schema: { tags: ['identity'], body: localeBody } },
    async (req, reply) => {
      await setUserLocale(deps.db, requireUser(req).id, req.body.locale);
      return reply.status(204).send();
    },
  );
};
