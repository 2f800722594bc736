import { hash, verify } from '@node-rs/argon2';

// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

/**
 * A hash with the same parameters to verify against when there is no account or no password, so
 * the time of the answer does not reveal it. Made at start, not by the first such request.
 */
const decoy = hashPassword('decoy-password-that-never-matches');

/** True only when `hashed` is set and matches; always spends one argon2 verification. */
export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  const target = hashed ?? (await decoy);
  const ok = await verify(target, password).catch(() => false);
  return hashed !== null && ok;
}
