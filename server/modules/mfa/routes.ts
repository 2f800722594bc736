import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginCodeSentSchema, mfaResendSeconds, mfaSendBody, mfaVerifyBody } from '../../../common/mfa.js';
import { loginResponseSchema } from '../../../common/session.js';
import type { AppDeps } from '../../deps.js';
import { revokeSession } from '../../platform/auth/session-store.js';
import { presentSignedIn } from '../identity/present-session.js';
import { setSessionCookie } from '../identity/session-cookie.js';
import { loginCookieName, loginCookieOptions } from './attempts.js';
import { resendLoginCode } from './send-login-code.js';
import { verifyLogin } from './verify-login.js';

/** The second step of the login (ID-4): resend a mail / SMS code, verify the second factor. */
export const mfaLoginRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const attemptCookie = loginCookieName(deps.config.secureCookies);
  const rateLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/auth/mfa/send',
    {
      config: { access: 'public', widenRowScope: 'sign-in', rateLimit },
      schema: {
        tags: ['mfa'],
        body: mfaSendBody,
        response: { 202: loginCodeSentSchema },
      },
    },
    async (req, reply) => {
      await resendLoginCode(deps, req.cookies[attemptCookie], req.body.method);
      return reply.status(202).send({ resendAfterSeconds: mfaResendSeconds });
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { access: 'public', widenRowScope: 'sign-in', rateLimit },
      schema: { tags: ['mfa'], body: mfaVerifyBody, response: { 200: loginResponseSchema } },
    },
    async (req, reply) => {
      const opened = await verifyLogin(deps, {
        token: req.cookies[attemptCookie],
        body: req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      if (req.session) await revokeSession(deps.db, deps.clock, req.session.id);
      reply.clearCookie(attemptCookie, loginCookieOptions(deps));
      setSessionCookie(reply, deps, opened.token);
      return { status: 'signed_in' as const, ...(await presentSignedIn(deps.db, opened)) };
    },
  );
};
