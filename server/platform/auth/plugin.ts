import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale, OrganizationKind, Role } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../errors.js';
import { type PendingAction, pendingActionsOf } from './pending-actions.js';
import type { Access, Scope } from './scope.js';
import { type ActiveSession, findActiveSession, touchSession } from './session-store.js';

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
    const session = await findActiveSession(db, clock, config.session, token);
    if (!session) return;
    const row = await db
      .selectFrom('users')
      .leftJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'users.id')
          .on('memberships.id', '=', session.membershipId ?? '0')
          // A disabled (or not yet accepted) membership gives no scope, whatever the session says.
          .on('memberships.status', '=', 'active'),
      )
      .leftJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.locale',
        'users.time_zone',
        'memberships.id as membership_id',
        'memberships.role',
        'memberships.organization_id',
        'organizations.kind',
        'organizations.tenant_id',
      ])
      .where('users.id', '=', session.userId)
      .executeTakeFirst();
    if (!row) return;
    req.session = session;
    req.user = { id: row.id, email: row.email, name: row.name, locale: row.locale, timeZone: row.time_zone };
    req.locale = row.locale;
    req.pending = await pendingActionsOf(db, row.id);
    if (row.membership_id && row.organization_id && row.kind && row.role) {
      req.scope = {
        userId: row.id,
        membershipId: row.membership_id,
        organizationId: row.organization_id,
        kind: row.kind as OrganizationKind,
        tenantId: row.kind === 'operator' ? null : row.tenant_id,
        role: row.role as Role,
      };
    }
    await touchSession(db, clock, session);
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
