import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { renderMailboxPage } from './render-mailbox.js';

/**
 * The built-in mailbox (demo mode or MAILBOX=on): every mail and SMS in the outbox with its
 * rendered body, so sign-up links can be followed without a real mail server.
 */
export const mailboxRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/mailbox',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: z.strictObject({ to: text({ error: 'validation.invalid' }).max(255).optional() }),
      },
    },
    async (req, reply) => {
      let query = deps.db
        .selectFrom('outbox')
        .select(['id', 'channel', 'recipient', 'subject', 'body', 'status', 'created_at', 'sent_at'])
        .orderBy('id', 'desc')
        .limit(200);
      if (req.query.to) query = query.where('recipient', '=', req.query.to);
      const rows = await query.execute();
      return reply.type('text/html; charset=utf-8').send(renderMailboxPage(rows, req.query.to));
    },
  );
};
