import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../errors.js';
import type { PendingAction } from './pending-actions.js';
import type { Access, Scope } from './scope.js';
import { type ActiveSession, findSignedIn, touchSession } from './session-store.js';

export type SignedInUser = { id: string; email: string; name: string; locale: Locale; timeZone: string };

export type { PendingAction } from './pending-actions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route works while the user still has pending actions (the pages that resolve them). */
    allowPending?: boolean;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
    user: SignedInUser | null;
    scope: Scope | null;
    locale: Locale;
    pending: PendingAction[];
  }
}

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-mg_session' : 'mg_session');

/** The language a signed-out visitor's browser asks for: English when it leads with it, else Japanese. */
export function localeFromHeaders(headers: { 'accept-language'?: string }): Locale {
  return /^en\b/i.test(headers['accept-language'] ?? '') ? 'en' : 'ja';
}

/** Loads the session, user and membership of the request; refuses routes the caller may not use. */
async function authPlugin(app: FastifyInstance, deps: AppDeps) {
  const { db, clock, config } = deps;
  const cookieName = sessionCookieName(config.secureCookies);

  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('locale', 'ja');
  app.decorateRequest('pending', null as unknown as PendingAction[]);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/') && !route.config?.access && !url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeaders(req.headers);
    req.pending = [];
    const token = req.cookies[cookieName];
    if (!token) return;
    const found = await findSignedIn(db, clock, config.session, token);
    if (!found) return;
    req.session = found.session;
    req.user = found.user;
    req.locale = found.user.locale;
    req.pending = found.pending;
    req.scope = found.scope;
    await touchSession(db, clock, found.session);
  });

  // Before validation: a caller who may not use a route learns nothing about its input schema.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (!req.user) throw new AppError(401, 'unauthenticated');
    if (req.pending.length > 0 && !req.routeOptions.config?.allowPending) {
      const codes = {
        changePassword: 'password_change_required',
        enrolMfa: 'mfa_enrolment_required',
        acceptTerms: 'terms_required',
      } as const;
      throw new AppError(403, codes[req.pending[0]!]);
    }
    if (access === 'signed-in') return;
    // A membership of another kind or role cannot see that such routes exist.
    if (!req.scope || (access.kind && req.scope.kind !== access.kind)) throw new AppError(403, 'forbidden');
    if (access.roles && !access.roles.includes(req.scope.role)) throw new AppError(403, 'forbidden');
  });
}

export default fp(authPlugin, { name: 'auth' });

/** The caller's scope on a route whose access rule guarantees one. */
export function requireScope(req: FastifyRequest): Scope {
  if (!req.scope) throw new AppError(403, 'forbidden');
  return req.scope;
}
export function requireUser(req: FastifyRequest): SignedInUser {
  if (!req.user) throw new AppError(401, 'unauthenticated');
  return req.user;
}
