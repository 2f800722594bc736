import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema } from '../../../common/contracts.js';
import {
  changePasswordBody,
  myPasswordPolicySchema,
  organizationPasswordPolicySchema,
  passwordPolicyBody,
  passwordResetBody,
  passwordResetInfoSchema,
  passwordResetRequestBody,
} from '../../../common/passwords.js';
import type { AppDeps } from '../../deps.js';
import { requireScope, requireUser } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { changePassword } from './change-password.js';
import { readOrganizationPolicy, updateOrganizationPolicy } from './organization-policy.js';
import { organizationsOfUser, passwordPolicyFor } from './policy-repository.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword, showPasswordReset } from './reset-password.js';
import { organizationParams, tokenParams } from './schemas.js';

const operatorAdmins: Access = { kind: 'operator', roles: ['operator_admin'] };

/** Password reset (ID-10), change (ID-11), the caller's rules, and the per-organisation policy (ID-3). */
export const passwordRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/api/auth/password-reset',
    {
      // Per address like the login: each request may send a mail.
      config: {
        access: 'public',
        widenRowScope: 'password reset link',
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['passwords'], body: passwordResetRequestBody, response: { 202: okSchema } },
    },
    async (req, reply) => {
      await requestPasswordReset(deps, { email: req.body.email, ip: req.ip, locale: req.locale });
      // The same answer whether or not the address has an account.
      return reply.status(202).send({ ok: true });
    },
  );

  app.get(
    '/api/password-resets/:token',
    {
      config: {
        access: 'public',
        widenRowScope: 'password reset link',
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['passwords'],
        params: tokenParams,
        response: { 200: passwordResetInfoSchema },
      },
    },
    async (req) => showPasswordReset(deps, req.params.token),
  );

  app.post(
    '/api/password-resets/:token',
    {
      config: {
        access: 'public',
        widenRowScope: 'password reset link',
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['passwords'],
        params: tokenParams,
        body: passwordResetBody,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await resetPassword(deps, {
        token: req.params.token,
        password: req.body.password,
        ip: req.ip,
        locale: req.locale,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/password',
    {
      // The forced change after a temporary password happens while the change is pending.
      config: {
        access: 'signed-in',
        allowPending: true,
        // Per user (after the session is known): guessing the current password from a stolen session is slow.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `password-change:${req.user?.id ?? req.ip}`,
        },
      },
      schema: { tags: ['passwords'], body: changePasswordBody, response: { 200: okSchema } },
    },
    async (req) => {
      await changePassword(deps, {
        userId: requireUser(req).id,
        sessionId: req.session!.id,
        currentPassword: req.body.currentPassword,
        password: req.body.password,
        ip: req.ip,
        locale: req.locale,
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/password-policy',
    {
      config: { access: 'signed-in', allowPending: true },
      schema: {
        tags: ['passwords'],
        response: { 200: myPasswordPolicySchema },
      },
    },
    async (req) => {
      const orgs = await organizationsOfUser(deps.db, requireUser(req).id);
      // No second factor exists yet, so the NIST profile's longer minimum applies.
      return { passwordPolicy: await passwordPolicyFor(deps.db, orgs), hasMfa: false };
    },
  );

  app.get(
    '/api/operator/organizations/:organizationId/password-policy',
    {
      config: { access: operatorAdmins, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: organizationParams,
        response: { 200: organizationPasswordPolicySchema },
      },
    },
    async (req) => readOrganizationPolicy(deps.db, req.params.organizationId),
  );

  app.put(
    '/api/operator/organizations/:organizationId/password-policy',
    {
      config: { access: operatorAdmins, widenRowScope: 'operator console' },
      schema: {
        tags: ['operator'],
        params: organizationParams,
        body: passwordPolicyBody,
        response: { 200: organizationPasswordPolicySchema },
      },
    },
    async (req) =>
      updateOrganizationPolicy(deps, {
        organizationId: req.params.organizationId,
        policy: req.body,
        actorUserId: requireScope(req).userId,
        ip: req.ip,
      }),
  );
};
