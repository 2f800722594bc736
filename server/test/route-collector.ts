import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Fastify's route table as the application registered it. A test file opts in with
 *
 *   vi.mock('fastify', async (importOriginal) =>
 *     (await import('../test/route-collector.js')).withRouteCollector(await importOriginal()));
 *
 * which makes every Fastify instance record its routes through an `onRoute` hook added before
 * anything is registered.
 */
const collected = new WeakMap<object, RouteOptions[]>();

type FastifyModule = { default: (...args: unknown[]) => FastifyInstance };

export function withRouteCollector<M extends FastifyModule>(mod: M): M {
  const original = mod.default;
  const wrapped = Object.assign((...args: unknown[]) => {
    const app = original(...args);
    const routes: RouteOptions[] = [];
    collected.set(app, routes);
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    return app;
  }, original);
  return { ...mod, default: wrapped, fastify: wrapped };
}

export type RegisteredRoute = { key: string; method: string; url: string; route: RouteOptions };

/** Every registered route as `METHOD /url`, one per method, HEAD included. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes = collected.get(app);
  if (!routes) throw new Error('no routes collected: mock fastify with withRouteCollector in this test file');
  const out = new Map<string, RegisteredRoute>();
  for (const route of routes) {
    for (const method of [route.method].flat()) {
      const url = route.url;
      out.set(`${method} ${url}`, { key: `${method} ${url}`, method, url, route });
    }
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}
