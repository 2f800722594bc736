import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';

export const postalCodeRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
