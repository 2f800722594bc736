import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../../../common/roles.js';
import {
  allRows,
  type RowScope,
  type RowScopeHolder,
  runInRowScope,
  widenRowScope,
} from '../../db/row-scope.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../errors.js';
import { hashToken } from '../tokens.js';
import type { PendingAction } from './pending-actions.js';
import type { Access, Scope } from './scope.js';
import { SessionCache } from './session-cache.js';
import { type ActiveSession, findSignedIn, touchSession } from './session-store.js';

export type SignedInUser = { id: string; email: string; name: string; locale: Locale; timeZone: string };

export type { PendingAction } from './pending-actions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route works while the user still has pending actions (the pages that resolve them). */
    allowPending?: boolean;
    /**
     * The route sees every tenant's rows (row-level security widened), named by why: sign-in
     * before the caller is known, one-time links, the operator console. Deliberate, never a
     * default; `platform/tenancy.test.ts` lists every route that does.
     */
    widenRowScope?: string;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
    user: SignedInUser | null;
    scope: Scope | null;
    locale: Locale;
    pending: PendingAction[];
    /** The rows this request's statements may see (filled in once the caller is known). */
    rowScope: RowScopeHolder;
    /**
     * Values derived from the signed-in state, kept as long as the session is kept (the session
     * view's memberships); a fresh object when the session was read for this request alone.
     */
    sessionMemo: Record<string, unknown>;
  }
}

const rowScopeContext = Symbol('rowScopeContext');

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
  app.decorateRequest('rowScope', null as unknown as RowScopeHolder);
  app.decorateRequest('sessionMemo', null as unknown as Record<string, unknown>);

  // Signed-in sessions kept in memory (exact: see session-cache.ts), forgotten when the app closes.
  const sessions = new SessionCache(db, deps.log);
  await sessions.start();
  app.addHook('onClose', async () => sessions.stop());

  // Every statement of the request runs in its row scope (db/row-scope.ts). The request's async
  // context is entered here and again before validation: the body arrives from the socket's
  // context, which does not carry it.
  app.addHook('onRequest', (req, _reply, done) => {
    req.rowScope = { scope: null };
    runInRowScope(req.rowScope, () => {
      (req as unknown as Record<symbol, AsyncResource>)[rowScopeContext] = new AsyncResource(
        'madoguchi-request',
      );
      done();
    });
  });
  app.addHook('preValidation', (req, _reply, done) => {
    (req as unknown as Record<symbol, AsyncResource>)[rowScopeContext]!.runInAsyncScope(done, req.raw);
  });

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
    const tokenHash = hashToken(token);
    let kept = sessions.get(tokenHash, clock.now(), config.session.idleMinutes);
    if (!kept) {
      const generation = sessions.generation;
      const found = await widenRowScope('session lookup', () =>
        findSignedIn(db, clock, config.session, token),
      );
      if (!found) return;
      kept = sessions.keep(tokenHash, found, generation);
    }
    const { found } = kept;
    req.session = { ...found.session };
    req.user = found.user;
    req.locale = found.user.locale;
    req.pending = found.pending;
    req.scope = found.scope;
    req.sessionMemo = kept.memo;
    req.rowScope.scope = rowScopeOf(found.user.id, found.scope, found.organizationIds);
    // The kept session learns the recorded activity; if another request recorded it, read it again.
    if ((await touchSession(db, clock, found.session)) === 'recorded elsewhere') sessions.forget(tokenHash);
  });

  // Before validation: a caller who may not use a route learns nothing about its input schema.
  app.addHook('preValidation', async (req) => {
    const widen = req.routeOptions.config?.widenRowScope;
    if (widen) req.rowScope.scope = allRows(widen);
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

/**
 * The rows a signed-in caller's statements may see: the tenant of their membership (and only
 * their company's rows in a customer portal), the platform's rows for operator staff, and their
 * own memberships and those organisations everywhere.
 */
export function rowScopeOf(
  userId: string,
  scope: Scope | null,
  userOrganizationIds: readonly string[] = [],
): RowScope {
  return {
    kind: 'tenants',
    tenantIds: scope?.tenantId ? [scope.tenantId] : [],
    customerOrganizationId: scope?.kind === 'customer' ? scope.organizationId : null,
    platformRows: scope?.kind === 'operator',
    userId,
    userOrganizationIds,
  };
}

/** The caller's scope on a route whose access rule guarantees one. */
export function requireScope(req: FastifyRequest): Scope {
  if (!req.scope) throw new AppError(403, 'forbidden');
  return req.scope;
}
export function requireUser(req: FastifyRequest): SignedInUser {
  if (!req.user) throw new AppError(401, 'unauthenticated');
  return req.user;
}
