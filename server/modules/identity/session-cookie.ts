import { sessionCookieName } from '../../platform/auth/plugin.js';

/** The session cookie's name and options (HttpOnly, whole site, Secure behind https). */
export const sessionCookie = (deps: { config: { secureCookies: boolean } }) => ({
  name: sessionCookieName(deps.config.secureCookies),
  options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secureCookies },
});
