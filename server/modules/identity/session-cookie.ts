import type { FastifyReply } from 'fastify';
import { sessionCookieName } from '../../platform/auth/plugin.js';
import { setCsrfCookie } from '../../platform/csrf.js';

type CookieDeps = { config: { secureCookies: boolean } };

/** The session cookie's name and options (HttpOnly, whole site, Secure behind https). */
export const sessionCookie = (deps: CookieDeps) => ({
  name: sessionCookieName(deps.config.secureCookies),
  options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secureCookies },
});

/** Signs the browser in to the session `token`: its cookie, and a CSRF token bound to it. */
export function setSessionCookie(reply: FastifyReply, deps: CookieDeps, token: string) {
  const { name, options } = sessionCookie(deps);
  reply.setCookie(name, token, options);
  setCsrfCookie(reply, deps.config.secureCookies, token);
}

/** Signs the browser out: no session cookie, and a new CSRF token that no session knows. */
export function clearSessionCookie(reply: FastifyReply, deps: CookieDeps) {
  const { name, options } = sessionCookie(deps);
  reply.clearCookie(name, options);
  setCsrfCookie(reply, deps.config.secureCookies, null);
}
