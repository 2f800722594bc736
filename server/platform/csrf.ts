import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { sessionCookieName } from './auth/plugin.js';
import { AppError } from './errors.js';
import { safeEqual } from './tokens.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `__Host-mg_csrf` behind https (Secure, Path=/, no Domain: only this origin can set it), else `mg_csrf`. */
export const csrfCookieName = (secure: boolean) => (secure ? '__Host-mg_csrf' : 'mg_csrf');

/**
 * The token of a signed-in browser, derived from its session cookie (HttpOnly, 256 bits): nobody
 * without that cookie can compute it, it differs per session, and it changes with the session —
 * at sign-in and sign-out. HMAC, not the plain hash, which is the session's key in the database.
 */
export const sessionCsrfToken = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('mg-csrf').digest('base64url');

/** Sets the CSRF cookie for the session the answer establishes (or, without one, a fresh random one). */
export function setCsrfCookie(reply: FastifyReply, secure: boolean, sessionToken: string | null) {
  const token = sessionToken ? sessionCsrfToken(sessionToken) : randomBytes(24).toString('base64url');
  reply.setCookie(csrfCookieName(secure), token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
}

/**
 * CSRF protection: every state-changing request must carry the CSRF cookie's value in a header,
 * which a foreign site cannot read. With a session cookie the only accepted value is the one
 * bound to that session; before sign-in, the random cookie the browser holds (double submit).
 */
async function csrfPlugin(app: FastifyInstance, opts: { secure: boolean }) {
  const cookieName = csrfCookieName(opts.secure);
  const sessionName = sessionCookieName(opts.secure);
  app.addHook('onRequest', async (req, reply) => {
    const sessionToken = req.cookies[sessionName] || null;
    const cookie = req.cookies[cookieName];
    const expected = sessionToken ? sessionCsrfToken(sessionToken) : cookie;
    // A missing cookie, or one of another session: the page gets the right one for its next request.
    if (!cookie || cookie !== expected) setCsrfCookie(reply, opts.secure, sessionToken);
    if (SAFE_METHODS.has(req.method)) return;
    const header = req.headers[CSRF_HEADER];
    if (!expected || typeof header !== 'string' || !safeEqual(expected, header)) {
      throw new AppError(403, 'csrf');
    }
  });
}

export default fp(csrfPlugin, { name: 'csrf', dependencies: ['@fastify/cookie'] });
