import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { pingDatabase } from './repository.js';

/** Liveness (the process answers) and readiness (the database answers; 503 while shutting down). */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps & { isShuttingDown: () => boolean }> = async (
  app,
  deps,
) => {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await pingDatabase(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });
};
