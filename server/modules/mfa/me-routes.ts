import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  mobileConfirmBody,
  mobileVerificationBody,
  myMfaViewSchema,
  preferredMethodBody,
  reauthBody,
  recoveryCodesSchema,
  totpConfirmBody,
  totpSetupSchema,
} from '../../../common/mfa.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { confirmMobile } from './confirm-mobile.js';
import { confirmTotp } from './confirm-totp.js';
import { myMfa } from './my-mfa.js';
import { assertRecentReauth, reauthenticate } from './reauth.js';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.js';
import { removeTotp } from './remove-totp.js';
import { setPreferredMethod } from './set-preferred-method.js';
import { setupTotp } from './setup-totp.js';
import { startMobileVerification } from './start-mobile-verification.js';

/** The user's own second factors (ID-4): enrol and remove after re-authentication. Usable while enrolment is pending. */
export const mfaMeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const me = { access: 'signed-in' as const, allowPending: true };
  const tags = ['mfa'];
  const ids = (req: FastifyRequest) => ({ userId: requireUser(req).id, ip: req.ip });
  /** Enrol / remove routes: 403 reauth_required unless the password was re-entered in the last 5 minutes. */
  const reauthed = (req: FastifyRequest) => assertRecentReauth(deps.db, deps.clock.now(), req.session!.id);

  app.get('/api/me/mfa', { config: me, schema: { tags, response: { 200: myMfaViewSchema } } }, async (req) =>
    myMfa(deps.db, requireUser(req).id, deps.clock.now()),
  );

  app.post('/api/me/reauth', { config: me, schema: { tags, body: reauthBody } }, async (req, reply) => {
    await reauthenticate(deps, {
      ...ids(req),
      sessionId: req.session!.id,
      password: req.body.password,
      locale: req.locale,
    });
    return reply.status(204).send();
  });

  app.post(
    '/api/me/mfa/totp/setup',
    {
      config: me,
      schema: { tags, response: { 200: totpSetupSchema } },
    },
    async (req) => {
      await reauthed(req);
      return setupTotp(deps, requireUser(req));
    },
  );

  app.post(
    '/api/me/mfa/totp/confirm',
    { config: me, schema: { tags, body: totpConfirmBody, response: { 200: recoveryCodesSchema } } },
    async (req) => ({ recoveryCodes: await confirmTotp(deps, { ...ids(req), code: req.body.code }) }),
  );

  app.delete('/api/me/mfa/totp', { config: me, schema: { tags } }, async (req, reply) => {
    await reauthed(req);
    await removeTotp(deps, ids(req));
    return reply.status(204).send();
  });

  app.post(
    '/api/me/mfa/recovery-codes',
    { config: me, schema: { tags, response: { 200: recoveryCodesSchema } } },
    async (req) => {
      await reauthed(req);
      return { recoveryCodes: await regenerateRecoveryCodes(deps, ids(req)) };
    },
  );

  app.post(
    '/api/me/mobile/verification',
    { config: me, schema: { tags, body: mobileVerificationBody } },
    async (req, reply) => {
      await reauthed(req);
      await startMobileVerification(deps, { userId: requireUser(req).id, mobile: req.body.mobile });
      return reply.status(202).send();
    },
  );

  app.post(
    '/api/me/mobile/verification/confirm',
    { config: me, schema: { tags, body: mobileConfirmBody } },
    async (req, reply) => {
      await confirmMobile(deps, { ...ids(req), code: req.body.code });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/me/mfa/preferred',
    { config: me, schema: { tags, body: preferredMethodBody } },
    async (req, reply) => {
      await setPreferredMethod(deps, requireUser(req).id, req.body.method);
      return reply.status(204).send();
    },
  );
};
