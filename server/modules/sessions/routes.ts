import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mySessionListSchema } from '../../../common/session.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { listOwnSessions, revokeOwnSession } from './own-sessions.js';

const sessionParams = z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{16}$/) });

/** The signed-in user's own sessions (ID-13): where they are signed in, and ending one of them. */
export const sessionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['identity'],
        response: { 200: mySessionListSchema },
      },
    },
    async (req) => ({
      items: await listOwnSessions(deps, { userId: requireUser(req).id, currentSessionId: req.session!.id }),
    }),
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    { config: { access: 'signed-in' }, schema: { tags: ['identity'], params: sessionParams } },
    async (req, reply) => {
      await revokeOwnSession(deps, {
        userId: requireUser(req).id,
        publicId: req.params.sessionId,
        ip: req.ip,
      });
      return reply.status(204).send();
    },
  );
};
