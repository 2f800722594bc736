import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * At most one argon2 computation per core, plus one, at a time (the rest wait their turn): a burst
 * of sign-ins then keeps the cores busy without crowding out the event loop and PostgreSQL, which
 * every sign-in also needs (libuv would otherwise run four at once on any machine). The one more
 * is ready on the thread pool when a computation ends, so a core does not wait for the event loop
 * to start the next (with exactly one per core, sign-ins and bare verifications ran about 10 %
 * slower on 2 cores).
 */
const slots = Math.max(1, availableParallelism()) + 1;
let running = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export const hashPassword = (password: string) => inSlot(() => hash(password, options));

/**
 * A hash with the same parameters to verify against when there is no account or no password, so
 * the time of the answer does not reveal it. Made at start, not by the first such request.
 */
const decoy = hashPassword('decoy-password-that-never-matches');

/** True only when `hashed` is set and matches; always spends one argon2 verification. */
export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  const target = hashed ?? (await decoy);
  const ok = await inSlot(() => verify(target, password)).catch(() => false);
  return hashed !== null && ok;
}
