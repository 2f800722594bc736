import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identityCheckBody } from '../../../common/accounts.js';
import { okSchema } from '../../../common/contracts.js';
import { acceptedInvitationSchema, invitationInfoSchema } from '../../../common/invitations.js';
import type { AppDeps } from '../../deps.js';
import { passwordPolicyFor } from '../passwords/policy-repository.js';
import { acceptInvitation } from './accept-invitation.js';
import { assertUsable } from './assert-usable.js';
import { findInvitationByToken, findInvitedUser } from './repository.js';
import { verifyIdentity } from './verify-identity.js';

const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const linkLimit = { max: 20, timeWindow: '1 minute' };

/**
 * The body's shape depends on the link (sign-up form, activation, existing account), so the
 * route only insists on an object; the use case validates it with the matching schema from
 * common/accounts.ts and answers the same 400 with field messages.
 */
const acceptBody = z
  .record(z.string(), z.unknown())
  .describe('signupAcceptBody | activationAcceptBody | existingAccountAcceptBody (common/accounts.ts)');

/** The public pages behind an invitation link: GET shows it, only POST consumes it. */
export const invitationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/invitations/:token',
    {
      config: {
        access: 'public',
        widenRowScope: 'invitation link',
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['invitations'],
        params: tokenParams,
        response: { 200: invitationInfoSchema },
      },
    },
    async (req) => {
      const row = assertUsable(await findInvitationByToken(deps.db, req.params.token), deps.clock.now());
      const user = await findInvitedUser(deps.db, row.user_id);
      return {
        kind: row.kind,
        organizationCode: row.organization_code,
        organizationName: row.organization_name,
        organizationKind: row.organization_kind,
        email: row.kind === 'signup' ? row.email : null,
        expiresAt: row.expires_at,
        passwordPolicy: await passwordPolicyFor(deps.db, [row.organization_id]),
        userExists: Boolean(user?.password_hash),
      };
    },
  );

  app.post(
    '/api/invitations/:token/verify',
    {
      config: { access: 'public', widenRowScope: 'invitation link', rateLimit: linkLimit },
      schema: {
        tags: ['invitations'],
        params: tokenParams,
        body: identityCheckBody,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await verifyIdentity(deps, { token: req.params.token, claim: req.body, ip: req.ip });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public', widenRowScope: 'invitation link', rateLimit: linkLimit },
      schema: {
        tags: ['invitations'],
        params: tokenParams,
        body: acceptBody,
        response: { 200: acceptedInvitationSchema },
      },
    },
    async (req) => {
      const done = await acceptInvitation(deps, {
        token: req.params.token,
        body: req.body,
        ip: req.ip,
        locale: req.locale,
      });
      return { ok: true as const, ...done };
    },
  );
};
