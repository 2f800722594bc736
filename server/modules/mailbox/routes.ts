import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { renderMailboxPage } from './render-mailbox.js';
import { listMailbox } from './repository.js';

/**
 * The built-in mailbox (demo mode or MAILBOX=on): every mail and SMS in the outbox with its
 * rendered body, so sign-up links can be followed without a real mail server.
 */
export const mailboxRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/mailbox',
    {
      config: { access: 'public', widenRowScope: 'mailbox' },
      schema: {
        hide: true,
        querystring: z.strictObject({ to: text({ error: 'validation.invalid' }).max(255).optional() }),
      },
    },
    async (req, reply) => {
      const rows = await listMailbox(deps.db, req.query.to);
      return reply.type('text/html; charset=utf-8').send(renderMailboxPage(rows, req.query.to));
    },
  );
};
