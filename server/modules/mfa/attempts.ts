import type { Db } from '../../db/pool.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newToken } from '../../platform/tokens.js';
import { insertLoginAttempt, lockLiveAttemptByHash } from './attempt-repository.js';

/** A login attempt lives 10 minutes and dies after 5 wrong codes. */
export const ATTEMPT_MINUTES = 10;
export const ATTEMPT_MAX_FAILURES = 5;

export const loginExpired = () => new AppError(401, 'login_expired');

/** The cookie that carries the attempt between the password and the second factor. */
export const loginCookieName = (secure: boolean) => (secure ? '__Secure-mg_login' : 'mg_login');

/** Starts an attempt for a user whose password was right; returns the cookie token. */
export async function createAttempt(
  trx: Db,
  clock: Clock,
  input: {
    userId: string;
    methods: string[];
    ip: string | null;
    userAgent: string | null;
    certificateId: string | null;
  },
): Promise<{ id: string; token: string }> {
  const { token, hash } = newToken();
  const now = clock.now();
  const id = await insertLoginAttempt(trx, {
    token_hash: hash,
    user_id: input.userId,
    methods: input.methods,
    created_at: now,
    expires_at: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    certificate_id: input.certificateId,
  });
  return { id, token };
}

/** The live attempt of a cookie token, row-locked; 401 login_expired when unknown, used, expired or dead. */
export async function lockLiveAttempt(trx: Db, clock: Clock, token: string | undefined) {
  if (!token) throw loginExpired();
  const row = await lockLiveAttemptByHash(trx, hashToken(token), clock.now(), ATTEMPT_MAX_FAILURES);
  if (!row) throw loginExpired();
  return row;
}
export type LiveAttempt = Awaited<ReturnType<typeof lockLiveAttempt>>;

/** HttpOnly, only sent to the auth routes, gone with the attempt. */
export const loginCookieOptions = (deps: { config: { secureCookies: boolean } }) => ({
  path: '/api/auth',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: deps.config.secureCookies,
  maxAge: ATTEMPT_MINUTES * 60,
});
