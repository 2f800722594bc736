import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvitationBody } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { acceptInvitation, assertUsable } from './accept-invitation.js';
import { findInvitationByToken } from './repository.js';

const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** The public pages behind an invitation link: GET shows it, only POST consumes it. */
export const invitationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['invitations'],
        params: tokenParams,
        response: {
          200: z.object({
            email: z.string(),
            organizationCode: z.string(),
            organizationName: z.string(),
            expiresAt: z.date(),
            userExists: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      const row = assertUsable(await findInvitationByToken(deps.db, req.params.token), deps.clock.now());
      const user = await deps.db
        .selectFrom('users')
        .select(['id'])
        .where((eb) => eb(eb.fn('lower', ['email']), '=', row.email.toLowerCase()))
        .where('password_hash', 'is not', null)
        .executeTakeFirst();
      return {
        email: row.email,
        organizationCode: row.organization_code,
        organizationName: row.organization_name,
        expiresAt: row.expires_at,
        userExists: Boolean(user),
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['invitations'],
        params: tokenParams,
        body: acceptInvitationBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await acceptInvitation(deps, { ...req.body, token: req.params.token, ip: req.ip, locale: req.locale });
      return { ok: true as const };
    },
  );
};
